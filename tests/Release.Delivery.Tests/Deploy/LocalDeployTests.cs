using System.Text.Json;
using Release.Delivery.Tests.Support;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;

namespace Release.Delivery.Tests.Deploy;

/// <summary>
/// The real director image run with podman: the whole Push → Chart → Deploy → Integrate chain answering the module's own
/// integration tests, and a failed health check keeping the previous instance.
/// </summary>
[NonParallelizable]
public class LocalDeployTests
{
    [Test]
    public async Task The_built_image_runs_with_podman_answers_the_integration_tests_and_stops_with_the_build()
    {
        using var root = await PipelineRoot.WithDirectorAsync();
        await using var webhook = new WebhookListener();

        var run = await BuildRunner.RunAsync<DeliveryBuild>(root.Path, "Integrate", "--environment", "local", "--local-runtime", "podman",
            "--push-repository", "apps/director", "--integration-test-project", DeliverySetUp.Director.IntegrationTests, "--slack-webhook", webhook.Url);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var deployment = await StageRecord.ReadAsync<DeploymentRecord>(root.Paths.DeploymentRecord("local"), "Deploy", CancellationToken.None);
        Assert.That(deployment.Url, Does.StartWith("http://127.0.0.1:"));
        Assert.That(deployment.ImageDigest, Is.EqualTo(await DeliverySetUp.Director.DigestAsync()));
        Assert.That(run.Output, Does.Contain("podman container director-local-"));

        var summary = JsonDocument.Parse(File.ReadAllText(root.Paths.IntegrationSummary)).RootElement;
        Assert.That((summary.GetProperty("passed").GetInt32(), summary.GetProperty("failed").GetInt32()), Is.EqualTo((5, 0)));
        Assert.That(summary.GetProperty("url").GetString(), Is.EqualTo(deployment.Url));
        var junit = File.ReadAllText(root.Paths.IntegrationDirectory / "junit.xml");
        Assert.That(junit, Does.Contain("tests=\"5\"").And.Contain("failures=\"0\"").And.Contain("Health_reports_healthy"));
        Assert.That(File.ReadAllText(root.Paths.IntegrationDirectory / "report.html"), Does.Contain("5 passed, 0 failed, 0 skipped"));
        Assert.That(run.Output, Does.Contain("tests: 5 passed, 0 failed, 0 skipped"));
        Assert.That(webhook.Messages, Has.Count.EqualTo(1));
        Assert.That(webhook.Messages[0]["text"]!.GetValue<string>(), Is.EqualTo("director 1.2.3 deployed to local"));

        using var http = new HttpClient();
        Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(deployment.Url + "/health"), "the instance was stopped when the build ended");
    }

    [Test]
    public async Task Without_a_container_engine_the_published_app_runs_as_a_process_answers_the_integration_tests_and_stops_with_the_build()
    {
        using var root = await PipelineRoot.WithDirectorAsync(withPublishedApp: true);

        var run = await BuildRunner.RunAsync<DeployOnlyBuild>(root.Path, "Integrate", "--environment", "local", "--local-runtime", "process",
            "--integration-test-project", DeliverySetUp.Director.IntegrationTests);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Output, Does.Contain("process ").And.Contain("(dotnet Director.dll)"));
        var deployment = await StageRecord.ReadAsync<DeploymentRecord>(root.Paths.DeploymentRecord("local"), "Deploy", CancellationToken.None);
        var summary = JsonDocument.Parse(File.ReadAllText(root.Paths.IntegrationSummary)).RootElement;
        Assert.That((summary.GetProperty("passed").GetInt32(), summary.GetProperty("failed").GetInt32()), Is.EqualTo((5, 0)));
        Assert.That(summary.GetProperty("url").GetString(), Is.EqualTo(deployment.Url));
        using var http = new HttpClient();
        Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(deployment.Url + "/health"), "the process was stopped when the build ended");
    }

    [Test]
    public async Task An_integration_project_that_runs_no_test_fails_the_stage_instead_of_passing_green()
    {
        // The sample's integration project with its tests replaced by one ignored test: dotnet test succeeds, having tested nothing.
        var project = Path.Combine(DeliverySetUp.Director.SampleDirectory, "tests", "Director.NothingTested");
        Directory.CreateDirectory(project);
        File.Copy(Path.Combine(DeliverySetUp.Director.IntegrationTests, "Director.IntegrationTests.csproj"),
            Path.Combine(project, "Director.NothingTested.csproj"), overwrite: true);
        File.WriteAllText(Path.Combine(project, "IgnoredTests.cs"),
            "public class IgnoredTests { [Test, Ignore(\"switched off\")] public void Health() { } }\n");
        using var root = await PipelineRoot.WithDirectorAsync(withPublishedApp: true);

        var run = await BuildRunner.RunAsync<DeployOnlyBuild>(root.Path, "Integrate", "--environment", "local", "--local-runtime", "process",
            "--integration-test-project", project);

        Assert.That(run.ExitCode, Is.Not.Zero, run.ToString());
        Assert.That(run.Output, Does.Contain("executed no test").And.Contain("1 skipped").And.Contain("a run that tests nothing is not a pass"));
        var summary = JsonDocument.Parse(File.ReadAllText(root.Paths.IntegrationSummary)).RootElement;
        Assert.That((summary.GetProperty("passed").GetInt32(), summary.GetProperty("skipped").GetInt32()), Is.EqualTo((0, 1)),
            "the reports still say what ran");
    }

    [Test]
    public async Task A_new_instance_that_never_becomes_healthy_is_removed_and_the_previous_one_stays()
    {
        using var root = await PipelineRoot.WithDirectorAsync();
        var first = await BuildRunner.RunAsync<DeployOnlyBuild>(root.Path, "Deploy", "--environment", "local", "--local-runtime", "podman", "--keep-running");
        Assert.That(first.ExitCode, Is.Zero, first.ToString());
        var previous = await StageRecord.ReadAsync<DeploymentRecord>(root.Paths.DeploymentRecord("local"), "Deploy", CancellationToken.None);
        using var http = new HttpClient();
        try
        {
            // The new version's health endpoint never answers 2xx (a 404 here): the deploy must fail and keep the old one.
            var second = await BuildRunner.RunAsync<DeployOnlyBuild>(root.Path, "Deploy", "--environment", "local", "--local-runtime", "podman",
                "--health-path", "/not-a-health-endpoint", "--health-timeout", "10", "--force");

            Assert.That(second.ExitCode, Is.Not.Zero, second.ToString());
            Assert.That(second.Output, Does.Contain("did not become healthy").And.Contain("It was removed")
                .And.Contain($"at {previous.Url} is still running and stays current"));
            Assert.That((await http.GetAsync(previous.Url + "/health")).IsSuccessStatusCode, Is.True, "the previous instance still serves");
            var record = await StageRecord.ReadAsync<DeploymentRecord>(root.Paths.DeploymentRecord("local"), "Deploy", CancellationToken.None);
            Assert.That(record, Is.EqualTo(previous), "the record still describes what is deployed");
        }
        finally
        {
            var undeploy = await BuildRunner.RunAsync<DeployOnlyBuild>(root.Path, "Undeploy", "--environment", "local");
            Assert.That(undeploy.ExitCode, Is.Zero, undeploy.ToString());
        }
        Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(previous.Url + "/health"), "Undeploy stopped it");
    }
}
