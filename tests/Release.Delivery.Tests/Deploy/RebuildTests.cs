using System.Text.Json;
using Release.Applications;
using Release.Delivery.Deploy;
using Release.Delivery.Tests.Support;
using Release.Engine;
using Release.Environments;
using Release.Environments.Component;
using Release.Environments.Rendering;
using Release.Operations.Environments;
using Release.Process.Approvals;
using Release.Releasing.Common;

namespace Release.Delivery.Tests.Deploy;

/// <summary>
/// <c>./build.sh Rebuild --environment local</c> with the real local deployer and the real director image: the running
/// instance is torn down, the declared digest is deployed again (health wait), the director's integration tests run
/// against it, the drift check afterwards is clean, and the evidence says what was rebuilt from which commit.
/// </summary>
[NonParallelizable]
public class RebuildTests
{
    [Test]
    public async Task Rebuild_recreates_the_local_environment_at_its_declared_digest_tests_it_and_leaves_evidence()
    {
        var digest = await DeliverySetUp.Director.DigestAsync();
        using var root = await PipelineRoot.WithDirectorAsync(declaredModule: true);

        var deploy = await BuildRunner.RunAsync<DeployOnlyBuild>(root.Path, "Deploy", "--environment", "local", "--local-runtime", "podman", "--keep-running");
        Assert.That(deploy.ExitCode, Is.Zero, deploy.ToString());
        var before = await StageRecordUrlAsync(root);
        using var http = new HttpClient();
        try
        {
            var rebuild = await BuildRunner.RunAsync<RebuildBuild>(root.Path, "Rebuild", "--environment", "local", "--local-runtime", "podman", "--keep-running",
                "--integration-test-project", DeliverySetUp.Director.IntegrationTests);
            Assert.That(rebuild.ExitCode, Is.Zero, rebuild.ToString());
            Assert.That(rebuild.Output, Does.Contain("Rebuild: tore down director in 'local'").And.Contain($"runs director 1.2.3 at {digest}"));

            var evidence = JsonDocument.Parse(File.ReadAllText(Path.Combine(root.Path, "artifacts/rebuild/local/rebuild.json"))).RootElement;
            Assert.That(evidence.GetProperty("environment").GetString(), Is.EqualTo("local"));
            Assert.That(evidence.GetProperty("commit").GetString(), Does.StartWith("abc1234"));
            var module = evidence.GetProperty("modules")[0];
            Assert.That(module.GetProperty("image").GetString(), Does.EndWith("@" + digest));
            var after = module.GetProperty("url").GetString()!;
            Assert.That(after, Is.Not.EqualTo(before), "a new instance");
            var tests = evidence.GetProperty("integrationTests");
            Assert.That((tests.GetProperty("passed").GetInt32(), tests.GetProperty("failed").GetInt32()), Is.EqualTo((5, 0)));
            Assert.That(evidence.GetProperty("driftAfterwards").GetProperty("clean").GetBoolean(), Is.True);
            Assert.That(evidence.GetProperty("seconds").GetDouble(), Is.GreaterThan(0));

            Assert.That((await http.GetAsync(after + "/health")).IsSuccessStatusCode, Is.True, "the recreated instance serves");
            Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(before + "/health"), "the torn-down instance is gone");
        }
        finally
        {
            var undeploy = await BuildRunner.RunAsync<DeployOnlyBuild>(root.Path, "Undeploy", "--environment", "local");
            Assert.That(undeploy.ExitCode, Is.Zero, undeploy.ToString());
        }
    }

    [Test]
    public async Task Rebuild_of_an_environment_with_nothing_declared_is_refused_naming_the_fix()
    {
        using var root = new PipelineRoot();
        Directory.CreateDirectory(Path.Combine(root.Path, "modules", "director"));
        File.WriteAllText(Path.Combine(root.Path, "modules", "director", "Dockerfile"), "FROM base\n");
        var rebuild = await BuildRunner.RunAsync<RebuildBuild>(root.Path, "Rebuild", "--environment", "local");
        Assert.That(rebuild.ExitCode, Is.EqualTo(2), rebuild.ToString());
        Assert.That(rebuild.Output, Does.Contain("Rebuild: nothing is declared for 'local'").And.Contain("./build.sh Deploy --environment local"));
        Assert.That(Directory.Exists(Path.Combine(root.Path, "artifacts/rebuild")), Is.False, "nothing half-written");
    }

    private static async Task<string> StageRecordUrlAsync(PipelineRoot root) =>
        (await Pipeline.Records.StageRecord.ReadAsync<Pipeline.Records.DeploymentRecord>(root.Paths.DeploymentRecord("local"), "Deploy", CancellationToken.None)).Url;
}

/// <summary>The deploy build with environments as code and Rebuild (operations component): one local environment.</summary>
internal sealed class RebuildBuild : Build, IRebuild
{
    IEnumerable<EnvironmentDefinition> IDeploy.Environments => DeliveryBuild.Declared;

    IReadOnlyList<GatePolicy> IReleaseProcess.Gates => [];

    CheckedEnvironments IEnvironments.DeclaredEnvironments => EnvironmentSet.Create()
        .Environment("local", e => e.Step(1).Deployer("local").Cluster("this-machine").Namespace("default"))
        .Check(Application.Named("director").Module("director", m => m.Folder("modules/director").Dockerfile()).Check(RootDirectory), RootDirectory);

    EnvironmentRenderOptions IEnvironments.EnvironmentRendering => new("oci://registry.local/charts");
}
