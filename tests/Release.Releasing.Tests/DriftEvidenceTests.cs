using Release.Releasing.Tests.Support;

namespace Release.Releasing.Tests;

/// <summary>
/// The last Drift report travels with the next release: <c>artifacts/drift/drift.json</c> is copied into the evidence
/// bundle, listed in its signed manifest, and VerifyEvidence catches a changed finding.
/// </summary>
[NonParallelizable]
public class DriftEvidenceTests : RegistryTestBase
{
    [Test]
    public async Task The_drift_report_is_in_the_evidence_and_VerifyEvidence_catches_a_changed_report()
    {
        using var world = await ReleaseWorld.CreateAsync(Registry);
        const string report = """
            {
              "kindsChecked": ["configuration", "group", "records", "runtime"],
              "environments": ["staging"],
              "clean": false,
              "findings": [{"kind": "runtime", "environment": "staging", "module": "director", "field": "configmap/director-config data.LOG_LEVEL", "expected": "info", "found": "trace", "repair": "flux reconcile kustomization staging -n flux-system --with-source"}]
            }
            """;
        await ReleaseFlowTests.ShipAsync(world, "0.1.0", "image drift " + Guid.NewGuid(), () =>
        {
            world.Write("artifacts/drift/drift.json", report);
            return Task.CompletedTask;
        });

        var bundle = world.PathOf("artifacts/evidence/0.1.0");
        var copied = Path.Combine(bundle, "drift/drift.json");
        Assert.That(File.ReadAllText(copied), Is.EqualTo(report + "\n"), "copied byte for byte");
        Assert.That(File.ReadAllText(Path.Combine(bundle, "manifest.json")), Does.Contain("drift/drift.json"));

        var trusted = world.Roster.TrustedKeysFile();
        (await world.RunAsync("VerifyEvidence", "--release", "0.1.0", "--trusted-keys", trusted)).Succeeded();
        await File.WriteAllTextAsync(copied, report.Replace("\"clean\": false", "\"clean\": true"));
        (await world.RunAsync("VerifyEvidence", "--release", "0.1.0", "--trusted-keys", trusted)).Refused("NOT intact", "ChangedFile drift/drift.json");
    }
}
