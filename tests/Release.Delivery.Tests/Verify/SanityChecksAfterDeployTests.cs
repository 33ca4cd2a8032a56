using System.Text.Json;
using Release.Delivery.Tests.Support;
using Release.Delivery.Verify;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;

namespace Release.Delivery.Tests.Verify;

/// <summary>
/// The real director image run with podman and checked right after it is deployed: a good release passes its health,
/// checks and journey; a release whose health answers but whose journey fails is rolled back to the release before,
/// without a person, which answers again, and Slack hears of it with the measurements.
/// </summary>
[NonParallelizable]
public class SanityChecksAfterDeployTests
{
    private static async Task<PipelineRoot> RootAsync(DirectorImage image, string version)
    {
        return await PipelineRoot.WithDirectorAsync(image, version);
    }

    private static async Task UseAsync(PipelineRoot root, DirectorImage image, string version)
    {
        await root.WriteSourceAsync(version);
        await root.WriteImageAsync(DeliverySetUp.Registry.Address, DirectorImage.Repository, image.ImageTag, await image.DigestAsync());
    }

    [Test]
    public async Task A_good_release_passes_its_health_checks_and_journey_and_they_are_recorded_beside_the_deployment()
    {
        using var root = await RootAsync(DeliverySetUp.Director, "1.2.3");

        var run = await BuildRunner.RunAsync<VerifiedBuild>(root.Path, "Deploy", "--environment", "local", "--local-runtime", "podman");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Output, Does.Contain("Sanity checks of director 1.2.3 in 'local' passed: health, version, unknown environment is refused, window then decision"));
        var report = JsonDocument.Parse(File.ReadAllText(root.Paths.SanityReport("local"))).RootElement;
        var deployment = await StageRecord.ReadAsync<DeploymentRecord>(root.Paths.DeploymentRecord("local"), "Deploy", CancellationToken.None);
        Assert.That(report.GetProperty("passed").GetBoolean(), Is.True);
        Assert.That(report.GetProperty("url").GetString(), Is.EqualTo(deployment.Url));
        Assert.That(report.GetProperty("action").GetString(), Is.EqualTo("keep"));
        var results = report.GetProperty("results").EnumerateArray().ToList();
        Assert.That(results.Select(r => (r.GetProperty("name").GetString(), r.GetProperty("passed").GetBoolean())), Is.EqualTo(new[]
        {
            ("health", true), ("version", true), ("unknown environment is refused", true), ("window then decision", true),
        }));
        Assert.That(results[3].GetProperty("detail").GetString(), Does.Contain("GET /environments/production/deployment-decision?at=2026-03-02T09%3A00%3A00%2B00%3A00 answered 200"),
            "the journey carried the window's start into the next request");
        Assert.That(File.ReadAllText(root.Paths.SanityJUnit("local")), Does.Contain("tests=\"4\"").And.Contain("failures=\"0\""));
    }

    [Test]
    public async Task A_release_whose_health_answers_but_whose_journey_fails_is_rolled_back_and_the_previous_one_answers_again()
    {
        using var root = await RootAsync(DeliverySetUp.Director, "1.2.3");
        await using var webhook = new WebhookListener();
        using var http = new HttpClient();
        try
        {
            var good = await BuildRunner.RunAsync<VerifiedBuild>(root.Path, "Deploy", "--environment", "local", "--local-runtime", "podman", "--keep-running");
            Assert.That(good.ExitCode, Is.Zero, good.ToString());

            await UseAsync(root, DeliverySetUp.BrokenDirector, "1.3.0");
            var broken = await BuildRunner.RunAsync<VerifiedBuild>(root.Path, "Deploy", "--environment", "local", "--local-runtime", "podman", "--keep-running",
                "--force", "--slack-webhook", webhook.Url);

            Assert.That(broken.ExitCode, Is.Not.Zero, broken.ToString());
            Assert.That(broken.Output, Does.Contain("director 1.3.0 in 'local'").And.Contain("failed its sanity checks")
                .And.Contain("window then decision: step 1 of 2 failed: GET /environments/production/deployment-windows?from=2026-03-02&days=7 answered 500, expected 200")
                .And.Contain("rolled back automatically to 1.2.3").And.Contain("whose sanity checks pass"));
            Assert.That(broken.Output, Does.Not.Contain("health: "), "the broken release's health answered");

            var restored = await StageRecord.ReadAsync<DeploymentRecord>(root.Paths.DeploymentRecord("local"), "Deploy", CancellationToken.None);
            Assert.That((restored.Version, restored.ImageDigest, restored.DeployedBy), Is.EqualTo(("1.2.3", await DeliverySetUp.Director.DigestAsync(), "automatic-rollback")));
            var windows = await http.GetAsync(restored.Url + "/environments/production/deployment-windows?from=2026-03-02&days=7");
            Assert.That((int)windows.StatusCode, Is.EqualTo(200), "the previous release answers again");

            var report = JsonDocument.Parse(File.ReadAllText(root.Paths.SanityReport("local"))).RootElement;
            Assert.That((report.GetProperty("version").GetString(), report.GetProperty("passed").GetBoolean(), report.GetProperty("action").GetString(),
                report.GetProperty("rolledBackTo").GetString()), Is.EqualTo(("1.3.0", false, "rolled-back", "1.2.3")));
            Assert.That(report.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "health").GetProperty("passed").GetBoolean(), Is.True);
            Assert.That(File.ReadAllText(root.Paths.SanityJUnit("local")), Does.Contain("failures=\"1\"").And.Contain("answered 500, expected 200"));

            Assert.That(webhook.Messages.Select(m => m["text"]!.GetValue<string>()), Is.EqualTo(new[]
            {
                "director 1.3.0 deployed to local", "director local rolled back from 1.3.0 to 1.2.3: its sanity checks failed",
            }), "the deployment, then the rollback (the restoring deployment sends no notice of its own)");
            var text = webhook.Messages[1].ToJsonString();
            Assert.That(text, Does.Contain("answered 500, expected 200").And.Contain(restored.Url));
        }
        finally
        {
            var undeploy = await BuildRunner.RunAsync<VerifiedBuild>(root.Path, "Undeploy", "--environment", "local");
            Assert.That(undeploy.ExitCode, Is.Zero, undeploy.ToString());
        }
    }

    [Test]
    public async Task With_automatic_rollback_off_the_failing_release_stays_and_the_failure_says_so()
    {
        using var root = await RootAsync(DeliverySetUp.Director, "1.2.3");
        using var http = new HttpClient();
        try
        {
            var good = await BuildRunner.RunAsync<VerifiedBuild>(root.Path, "Deploy", "--environment", "inspect", "--local-runtime", "podman", "--keep-running");
            Assert.That(good.ExitCode, Is.Zero, good.ToString());

            await UseAsync(root, DeliverySetUp.BrokenDirector, "1.3.0");
            var broken = await BuildRunner.RunAsync<VerifiedBuild>(root.Path, "Deploy", "--environment", "inspect", "--local-runtime", "podman", "--keep-running", "--force");

            Assert.That(broken.ExitCode, Is.Not.Zero, broken.ToString());
            Assert.That(broken.Output, Does.Contain("failed its sanity checks").And.Contain("It was left in place: automatic rollback is turned off for this environment"));
            var record = await StageRecord.ReadAsync<DeploymentRecord>(root.Paths.DeploymentRecord("inspect"), "Deploy", CancellationToken.None);
            Assert.That(record.Version, Is.EqualTo("1.3.0"));
            Assert.That((int)(await http.GetAsync(record.Url + "/environments/production/deployment-windows?from=2026-03-02&days=7")).StatusCode, Is.EqualTo(500));
        }
        finally
        {
            var undeploy = await BuildRunner.RunAsync<VerifiedBuild>(root.Path, "Undeploy", "--environment", "inspect");
            Assert.That(undeploy.ExitCode, Is.Zero, undeploy.ToString());
        }
    }
}
