using Release.Engine;
using Release.Process.Applications.Releases;
using Release.Process.Approvals;
using Release.Releasing.Tests.Support;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Testing;

namespace Release.Releasing.Tests;

/// <summary>
/// Issue 14's acceptance flow on the sample application, end to end, with this repository's own build definition
/// (build/*.cs, run in-process; only the release clock is set): the real stages build, test, scan, push and chart the
/// three modules, DeployApplication and IntegrateApplication run them locally, then the application release (the set of
/// the three modules' digests) is opened, voted on by four people in four roles, attested, blessed and promoted through
/// the real GitOps repository. See <see cref="SampleApplicationWorld"/> for what is real.
/// </summary>
[NonParallelizable]
public class SampleApplicationReleaseFlowTests : RegistryTestBase
{
    private const string ReleaseManager = SampleReleaseWorld.ReleaseManager;
    private static readonly string[] Modules = ["director", "ledger", "gateway"];

    [Test]
    public async Task The_application_is_built_every_module_pinned_in_one_set_and_voted_on_as_a_whole()
    {
        using var world = await SampleApplicationWorld.CreateAsync(Registry, RepositoryRoot.File("samples"));

        var pipeline = (await world.RunAsync("Pipeline")).Succeeded();
        foreach (var stage in new[] { "DeployApplication", "IntegrateApplication" }
                     .Concat(Modules.SelectMany(m => new[] { "BuildModule", "UnitTestModule", "ScanModule", "PushModule", "ChartModule" }
                         .Select(s => TargetFamily.TargetName(s, m)))))
            Assert.That(pipeline.Statuses.GetValueOrDefault(stage), Is.EqualTo(TargetStatus.Succeeded), $"{stage}:\n{pipeline.Output}");

        (await world.RunAsync("OpenSet", "--set", "1.0.0", "--triggered-by", ReleaseManager)).Succeeded();
        var set = SetRecords.ManifestOf(ReleaseRecordJson.Deserialize(await world.RecordAsync("director.set-1.0.0"), "director.set-1.0.0"))!;
        foreach (var module in Modules)
        {
            var push = await StageRecord.ReadAsync<PushRecord>(world.Paths(module).PushRecord, "PushModule", CancellationToken.None);
            Assert.That(set.PinOf(module)!.ImageDigest.Value, Is.EqualTo(push.Digest), $"{module} is pinned at the digest its pipeline pushed");
        }
        await VoteAndAttestAsync(world, "1.0.0");
        var status = (await world.RunAsync("GateStatusSet", "--set", "1.0.0")).Succeeded().Output;
        Assert.That(status, Does.Contain("Gate 'production': blocked; Go from ModuleLead, Sre, Qa, ProductManagement")
            .And.Contain("Checklist item 'qa-suite-preprod'").And.Contain("production: 1 blocker(s)"),
            "every module's tests and scans are the set's evidence; only the QA suite on pre-prod is missing before the set is there");
    }

    // Four people vote Go on the set in the seed's four roles; the owning roles attest the checklist (not the QA suite on
    // pre-prod, which waits for the set to be there).
    private static async Task VoteAndAttestAsync(SampleApplicationWorld world, string version)
    {
        foreach (var (role, voter) in new[] { ("module-lead", "lead@example.com"), ("sre", "sre@example.com"), ("qa", "qa@example.com"), ("product-management", "pm@example.com") })
            (await world.RunAsync("VoteSet", "--set", version, "--role", role, "--decision", "go", "--reason", "ready", "--voter", voter)).Succeeded();
        foreach (var (item, role, by) in new[]
                 {
                     ("special-deployment-provisions", "module-lead", "lead@example.com"), ("prs-described-and-linked", "module-lead", "lead@example.com"),
                     ("dr-plan-drafted", "sre", "sre@example.com"), ("on-call-named", "sre", "sre@example.com"), ("load-test-report", "qa", "qa@example.com"),
                     ("release-notes-ready", "product-management", "pm@example.com"),
                 })
            (await world.RunAsync("AttestSet", "--set", version, "--item", item, "--role", role, "--text", $"{item}: https://wiki.example.com/director/{version}",
                "--voter", by)).Succeeded();
    }
}
