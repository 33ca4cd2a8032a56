using System.Text.Json;
using Release.Delivery.Deploy;
using Release.Delivery.Verify;
using Release.Engine;
using Release.Process.Verification;
using Release.Releasing.Tests.Support;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;
using Release.Testing.Network;

namespace Release.Releasing.Tests;

/// <summary>
/// The load test's figures travel with the release: LoadTest's report of the pre-prod deployment is in the evidence
/// bundle, the checklist's load-test item points at it, and VerifyEvidence catches a changed figure.
/// </summary>
[NonParallelizable]
public class LoadTestEvidenceTests : RegistryTestBase
{
    [Test]
    public async Task The_load_tests_figures_are_in_the_evidence_and_VerifyEvidence_catches_a_changed_figure()
    {
        var ct = CancellationToken.None;
        using var world = await ReleaseWorld.CreateAsync(Registry);
        // No cluster here: pre-prod is deployed through GitOps for real, and a loopback HTTP server answers at its URL.
        await using var preProd = LoopbackHttpServer.Start(async context =>
        {
            context.Response.StatusCode = 200;
            await context.Response.OutputStream.WriteAsync("{\"status\":\"healthy\"}"u8.ToArray(), ct);
            context.Response.Close();
        });
        await ReleaseFlowTests.ShipAsync(world, "0.1.0", "image load " + Guid.NewGuid(), async () =>
        {
            var record = new AbsolutePath(world.PathOf("artifacts/modules/director/deploy/pre-prod.json"));
            var deployed = await StageRecord.ReadAsync<DeploymentRecord>(record, "Deploy", ct);
            await StageRecord.WriteAsync(record, deployed with { Url = preProd.BaseUrl.ToString().TrimEnd('/') }, ct);
            (await BuildRun.RunAsync<LoadTestBuild>(world.Root, new Dictionary<string, string>(), null, ["LoadTest", "--environment", "pre-prod"])).Succeeded();
        });

        var bundle = world.PathOf("artifacts/evidence/0.1.0");
        var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(bundle, "load-test/report.json"))).RootElement;
        Assert.That((report.GetProperty("environment").GetString(), report.GetProperty("passed").GetBoolean()), Is.EqualTo(("pre-prod", true)));
        Assert.That(report.GetProperty("measured").GetProperty("requests").GetInt32(), Is.EqualTo(20));
        Assert.That(File.Exists(Path.Combine(bundle, "load-test/report.html")) && File.Exists(Path.Combine(bundle, "load-test/junit.xml")), Is.True);
        var manifest = File.ReadAllText(Path.Combine(bundle, "manifest.json"));
        Assert.That(manifest, Does.Contain("load-test/report.json").And.Contain("load-test/report.html"));
        var checklist = File.ReadAllText(Path.Combine(bundle, "record/checklist.json"));
        Assert.That(checklist, Does.Contain("\"evidence\": \"load-test-report\""), "the checklist's load-test item points at the report");

        var trusted = world.Roster.TrustedKeysFile();
        (await world.RunAsync("VerifyEvidence", "--release", "0.1.0", "--trusted-keys", trusted)).Succeeded();
        var file = Path.Combine(bundle, "load-test/report.json");
        var p95 = report.GetProperty("measured").GetProperty("p95Ms").GetRawText();
        await File.WriteAllTextAsync(file, File.ReadAllText(file).Replace($"\"p95Ms\": {p95}", "\"p95Ms\": 0.001"), ct);
        (await world.RunAsync("VerifyEvidence", "--release", "0.1.0", "--trusted-keys", trusted)).Refused("NOT intact", "ChangedFile load-test/report.json");
    }
}

/// <summary>A build with only the LoadTest stage, run in the release world's root against its recorded pre-prod deployment.</summary>
public sealed class LoadTestBuild : global::Release.Engine.Build, ILoadTest
{
    IEnumerable<EnvironmentDefinition> IDeploy.Environments => [new("pre-prod", Deployers.GitOps, "director-preprod", "*")];

    LoadProfile ILoadTest.LoadTestProfile => new("/health", 10, TimeSpan.FromSeconds(2));

    LoadLimits ILoadTest.LoadTestLimits => new() { P99Latency = TimeSpan.FromSeconds(2), MaximumErrorRate = 0 };
}
