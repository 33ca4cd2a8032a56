using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Release.Engine;
using Release.Process.Applications.Releases;
using Release.Process.Approvals;
using Release.Releasing.Tests.Support;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Testing;
using Release.Testing.Voting;

namespace Release.Releasing.Tests;

/// <summary>
/// Issue 14's acceptance flow on the sample application, end to end, with this repository's own build definition
/// (build/*.cs, run in-process; only the release clock is set): the real stages build, test, scan, push and chart the
/// three modules, DeployApplication and IntegrateApplication run them locally, then the application release (the set of
/// the three modules' digests) is opened, voted on by four people in four roles, attested, blessed and promoted through
/// the real GitOps repository; a second release changes the gateway alone, and production is rolled back to the first;
/// both evidence bundles verify. The test prints the machine time of the first release (commit to production) and of the
/// rollback: the figures in the README. See <see cref="SampleApplicationWorld"/> for what is real.
/// </summary>
[NonParallelizable]
public class SampleApplicationReleaseFlowTests : RegistryTestBase
{
    private const string ReleaseManager = SampleReleaseWorld.ReleaseManager;
    private static readonly string[] Modules = ["director", "ledger", "gateway"];

    [Test]
    public async Task The_application_is_released_as_a_set_batch_promoted_blessed_shipped_to_production_released_again_rolled_back_and_both_bundles_verify()
    {
        using var world = await SampleApplicationWorld.CreateAsync(Registry, RepositoryRoot.File("samples"));

        var clock = Stopwatch.StartNew();
        var first = await ReleaseAsync(world, "1.0.0", previous: null);
        var firstRelease = clock.Elapsed;

        // Release 2: the gateway (the leaf: nothing depends on it) changes; the director and the ledger are carried.
        world.Repository.WriteFile("samples/gateway/NOTES.md", "Operators: the gateway asks the director and records in the ledger.\n");
        await world.Repository.CommitAsync("feat(gateway): operator notes #3", SampleReleaseWorld.Developer);
        var second = await ReleaseAsync(world, "1.1.0", previous: first, sealEvidence: false);
        Assert.That(second.PinOf("gateway")!.ImageDigest, Is.Not.EqualTo(first.PinOf("gateway")!.ImageDigest), "the changed module has a new image");
        foreach (var carried in new[] { "director", "ledger" })
            Assert.That(second.PinOf(carried), Is.EqualTo(first.PinOf(carried)), $"{carried} did not change: the same version and digests");

        // Production goes back to release 1 in one command, through GitOps.
        var rollback = Stopwatch.StartNew();
        (await world.RunAsync("RollbackSet", "--environment", "production")).Succeeded();
        var rolledBack = rollback.Elapsed;
        await GitopsPins.AssertRunsAsync(world.Environments, "production", first);
        var history = SetHistory.From("director", [await RecordOfAsync(world, "1.0.0"), await RecordOfAsync(world, "1.1.0")]);
        Assert.That(history.Current("production")!.Digest, Is.EqualTo(first.Digest), "the records say production runs release 1 again");

        // The second release's evidence is sealed after its rollback (a bundle is sealed once per release) and holds it;
        // both bundles verify against the records and the team's keys.
        (await world.RunAsync("EvidenceSet", "--set", "1.1.0")).Succeeded();
        var environments = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(world.Root, "artifacts/application/evidence/1.1.0/record/environments.json")))!;
        Assert.That(environments["environments"]!.AsArray().Single(e => (string?)e!["environment"] == "production")!["events"]!.AsArray()
            .Select(e => (string?)e!["kind"]), Is.EqualTo(new[] { "promoted", "rolled back from this set" }));
        Assert.That(environments["batches"]!.AsArray().Single()!["environments"]!.AsArray().Select(e => (string?)e),
            Is.EqualTo(new[] { "local", "staging" }), "the staging group was promoted as one batch");
        var trusted = world.Roster.TrustedKeysFile();
        foreach (var version in new[] { "1.0.0", "1.1.0" })
            Assert.That((await world.RunAsync("VerifyEvidenceSet", "--set", version, "--trusted-keys", trusted)).Succeeded().Output,
                Does.Contain($"Evidence of application release director {version}").And.Contain("is intact"));
        await TestContext.Progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Measured: commit -> blessed production release of the sample application {firstRelease.TotalSeconds:0.0} s; rollback of production " +
            $"through GitOps {rolledBack.TotalSeconds:0.0} s"));
    }

    [Test]
    public async Task A_module_failing_its_health_mid_promotion_leaves_the_batch_on_the_previous_set_in_full()
    {
        using var world = await SampleApplicationWorld.CreateAsync(Registry, RepositoryRoot.File("samples"));
        try
        {
            // Release 1 runs in the staging group: kept running on this machine (local), committed for the staging cluster.
            (await world.RunAsync("Pipeline")).Succeeded();
            (await world.RunAsync("OpenSet", "--set", "1.0.0", "--triggered-by", ReleaseManager)).Succeeded();
            var first = SetRecords.ManifestOf(await RecordOfAsync(world, "1.0.0"))!;
            (await world.RunAsync("PromoteSet", "--set", "1.0.0", "--to", "local,staging", "--keep-running")).Succeeded();

            // Release 2: a new director, and a ledger whose image builds, passes its unit tests and scan, but never starts.
            world.Repository.WriteFile("samples/director/NOTES.md", "Operators: the director answers /health, /version and the windows API.\n");
            var dockerfile = Path.Combine(world.Root, "samples", "ledger", "Dockerfile");
            await File.WriteAllTextAsync(dockerfile, (await File.ReadAllTextAsync(dockerfile))
                .Replace("ENTRYPOINT [\"dotnet\", \"/app/Ledger.dll\"]", "ENTRYPOINT [\"dotnet\", \"/app/Missing.dll\"]", StringComparison.Ordinal));
            await world.Repository.CommitAsync("feat: the director's operator notes and the ledger's new entry point #4", SampleReleaseWorld.Developer);
            (await world.RunAsync("Chart")).Succeeded();
            (await world.RunAsync("OpenSet", "--set", "1.1.0", "--triggered-by", ReleaseManager)).Succeeded();
            var second = SetRecords.ManifestOf(await RecordOfAsync(world, "1.1.0"))!;
            Assert.That(second.PinOf("ledger")!.ImageDigest, Is.Not.EqualTo(first.PinOf("ledger")!.ImageDigest));

            var failed = (await world.RunAsync("PromoteSet", "--set", "1.1.0", "--to", "local,staging", "--keep-running")).Refused("ledger");
            Assert.That(failed.Output, Does.Not.Contain("Exception"));

            // Every module of the batch's environments runs release 1's digests: on this machine, answering its health...
            using var http = new HttpClient();
            foreach (var pin in first.Modules)
            {
                var record = JsonNode.Parse(await File.ReadAllTextAsync(
                    Path.Combine(world.Root, "artifacts", "application", "deploy", "local", "modules", pin.Module + ".json")))!;
                Assert.That(record.ToJsonString(), Does.Contain(pin.ImageDigest.Value), $"local: {pin.Module} runs release 1's image");
                using var health = await http.GetAsync(record["Url"]!.GetValue<string>().TrimEnd('/') + "/health");
                Assert.That(health.IsSuccessStatusCode, Is.True, $"local: {pin.Module} answers its health");
            }
            // ...and in the staging cluster's GitOps folder; the records hold no promotion of release 2.
            await GitopsPins.AssertRunsAsync(world.Environments, "staging", first);
            Assert.That((await RecordOfAsync(world, "1.1.0")).Events.OfType<ReleasePromoted>(), Is.Empty);
        }
        finally
        {
            foreach (var module in Modules) await world.RunAsync("Undeploy", "--environment", "local", "--module", module);
        }
    }

    // One application release, from the pipeline on main to its evidence; asserts each step's real outcome.
    private static async Task<ReleaseManifest> ReleaseAsync(SampleApplicationWorld world, string version, ReleaseManifest? previous, bool sealEvidence = true)
    {
        var pipeline = (await world.RunAsync("Pipeline")).Succeeded();
        foreach (var stage in new[] { "DeployApplication", "IntegrateApplication" })
            Assert.That(pipeline.Statuses.GetValueOrDefault(stage), Is.EqualTo(TargetStatus.Succeeded), $"{stage}:\n{pipeline.Output}");
        foreach (var module in Modules)
        {
            var changed = previous is null || module == "gateway";
            Assert.That(pipeline.Statuses.GetValueOrDefault(TargetFamily.TargetName("BuildModule", module)),
                changed ? Is.EqualTo(TargetStatus.Succeeded) : Is.Not.EqualTo(TargetStatus.Succeeded),
                $"{module} is {(changed ? "" : "not ")}rebuilt:\n{pipeline.Output}");
        }

        (await world.RunAsync("OpenSet", "--set", version, "--triggered-by", ReleaseManager)).Succeeded();
        var set = SetRecords.ManifestOf(await RecordOfAsync(world, version))!;
        foreach (var module in Modules)
        {
            var push = await StageRecord.ReadAsync<PushRecord>(world.Paths(module).PushRecord, "PushModule", CancellationToken.None);
            Assert.That(set.PinOf(module)!.ImageDigest.Value, Is.EqualTo(push.Digest), $"{module} is pinned at the digest its pipeline pushed");
        }
        await VoteAndAttestAsync(world, version);
        if (previous is null)
        {
            var status = (await world.RunAsync("GateStatusSet", "--set", version)).Succeeded().Output;
            Assert.That(status, Does.Contain("Gate 'production': blocked; Go from ModuleLead, Sre, Qa, ProductManagement")
                .And.Contain("Checklist item 'qa-suite-preprod'").And.Contain("production: 1 blocker(s)"),
                "every module's tests and scans are the set's evidence; only the QA suite on pre-prod is missing before the set is there");
            (await world.RunAsync("PromoteSet", "--set", version, "--to", "production")).Refused("before step 'pre-prod' holds it", "Unblessed set: step 'production' takes only blessed releases");
        }

        // The staging group in one batch (this machine and the staging cluster), then pre-prod, each module by digest.
        var batch = (await world.RunAsync("PromoteSet", "--set", version, "--to", "local,staging")).Succeeded();
        Assert.That(batch.Output, Does.Contain($"local: promoted to {set.Title}").And.Contain($"staging: promoted to {set.Title}"));
        await GitopsPins.AssertRunsAsync(world.Environments, "staging", set);
        (await world.RunAsync("PromoteSet", "--set", version, "--to", "pre-prod")).Succeeded();
        await GitopsPins.AssertRunsAsync(world.Environments, "pre-prod", set);

        // QA's suite on pre-prod (a cluster this machine cannot reach) is attested; then the set is blessed and shipped.
        (await world.RunAsync("AttestSet", "--set", version, "--item", "qa-suite-preprod", "--role", "qa", "--text",
            $"QA suite on pre-prod: https://qa.example.com/runs/director/{version}", "--voter", "qa@example.com")).Succeeded();
        (await world.RunAsync("BlessSet", "--set", version)).Succeeded();
        (await world.RunAsync("PromoteSet", "--set", version, "--to", "production")).Succeeded();
        await GitopsPins.AssertRunsAsync(world.Environments, "production", set);

        (await world.RunAsync("ReleaseNotesSet", "--set", version)).Succeeded();
        if (previous is not null)
            Assert.That(await File.ReadAllTextAsync(Path.Combine(world.Root, "artifacts", "application", "sets", $"{version}.RELEASE_NOTES.md")),
                Does.Contain("operator notes #3").And.Contain("(unchanged)"), "the gateway's change; the director and the ledger carried");
        if (sealEvidence) (await world.RunAsync("EvidenceSet", "--set", version)).Succeeded();
        return set;
    }

    private static async Task<ReleaseRecord> RecordOfAsync(SampleApplicationWorld world, string version) =>
        ReleaseRecordJson.Deserialize(await world.RecordAsync($"director.set-{version}"), version);

    // Four people vote Go on the set in the seed's four roles; the owning roles attest the checklist (not the QA suite on
    // pre-prod, which waits for the set to be there).
    private static async Task VoteAndAttestAsync(SampleApplicationWorld world, string version)
    {
        foreach (var (role, voter) in SeedApprovals.Voters)
            (await world.RunAsync("VoteSet", "--set", version, "--role", role, "--decision", "go", "--reason", "ready", "--voter", voter)).Succeeded();
        foreach (var (item, role) in SeedApprovals.Attested.Where(a => a.Item != SeedApprovals.QaSuitePreProd))
            (await world.RunAsync("AttestSet", "--set", version, "--item", item, "--role", role, "--text", $"{item}: https://wiki.example.com/director/{version}",
                "--voter", SeedApprovals.VoterOf(role))).Succeeded();
    }
}
