using Release.Process.Applications.Releases;
using Release.Process.Approvals;

namespace Release.Releasing.Tests.Sets;

/// <summary>
/// Votes, attestations and the blessing of an application release (issue 14, step 2): on the set as a whole, by role,
/// with segregation of duties, signed in a real records repository; the blessing names the set's digest.
/// </summary>
[NonParallelizable]
public class SetApprovalTests
{
    private static async Task<(SetWorld World, ReleaseManifest Set)> OpenedAsync()
    {
        var world = await SetWorld.CreateAsync();
        await world.BothModulesPushedAsync();
        (await world.RunAsync("OpenSet", "--set", "1.0.0")).Succeeded();
        var set = SetRecords.ManifestOf(ReleaseRecordJson.Deserialize(await world.RecordAsync("shop.set-1.0.0"), "shop.set-1.0.0"))!;
        await world.RecordPromotionAsync("shop.set-1.0.0", set.Digest.Value, "pre-prod");
        return (world, set);
    }

    [Test]
    public async Task Four_roles_vote_on_the_set_the_checklist_is_attested_and_BlessSet_records_the_sets_digest()
    {
        var (world, set) = await OpenedAsync();
        using var _ = world;
        await world.VoteAndAttestAsync("1.0.0");

        var run = (await world.RunAsync("BlessSet", "--set", "1.0.0")).Succeeded();
        var record = ReleaseRecordJson.Deserialize(await world.RecordAsync("shop.set-1.0.0"), "shop.set-1.0.0");
        var blessed = record.Events.OfType<ReleaseBlessed>().Single();
        Assert.That(blessed.ImageDigest, Is.EqualTo(set.Digest.Value));
        Assert.That(blessed.Signature, Is.Not.Empty);
        Assert.That(record.Votes().Count(v => v.Decision == VoteDecision.Go), Is.EqualTo(4));
        Assert.That(run.Output, Does.Contain($"Blessed application release {set.Title}").And.Contain(set.PinOf("web")!.ImageDigest.Value));
        Assert.That(SetHistory.From("shop", [record]).Blessed.Single().Set.Digest, Is.EqualTo(set.Digest));

        var stored = await world.RecordAsync("shop.set-1.0.0");
        (await world.RunAsync("BlessSet", "--set", "1.0.0")).Succeeded();
        Assert.That(await world.RecordAsync("shop.set-1.0.0"), Is.EqualTo(stored), "blessing a blessed set again changes nothing");
    }

    [Test]
    public async Task A_vote_on_the_set_reports_the_gate_with_the_modules_unit_test_results_as_evidence()
    {
        var (world, _) = await OpenedAsync();
        using var __ = world;
        var run = (await world.RunAsync("VoteSet", "--set", "1.0.0", "--role", "sre", "--decision", "go", "--reason", "ready", "--voter", "sre@example.com")).Succeeded();
        Assert.That(run.Output, Does.Contain("Recorded Go by sre@example.com as Sre on release shop.set-1.0.0"));
        Assert.That(run.Output, Does.Contain("Checklist item 'dr-plan-drafted'"), "the gate's blockers are reported");
        Assert.That(run.Output, Does.Not.Contain("Checklist item 'unit-tests-captured'"), "both modules built here captured their unit tests");
    }

    [Test]
    public async Task BlessSet_refuses_while_a_role_has_not_voted_Go_on_the_set()
    {
        var (world, _) = await OpenedAsync();
        using var __ = world;
        await world.VoteAndAttestAsync("1.0.0", skipVoteOf: "sre");
        var status = (await world.RunAsync("GateStatusSet", "--set", "1.0.0")).Succeeded().Output;
        Assert.That(status, Does.Contain("Gate 'production': blocked").And.Contain("no Go yet from: Sre"));
        (await world.RunAsync("BlessSet", "--set", "1.0.0")).Refused("cannot be blessed", "Sre");
        Assert.That(await world.RecordAsync("shop.set-1.0.0"), Does.Not.Contain("\"blessed\""));
    }

    [Test]
    public async Task A_vote_on_a_module_where_the_application_approves_the_set_is_refused_with_exit_2_and_records_nothing()
    {
        var (world, set) = await OpenedAsync();
        using var _ = world;
        var before = await world.RecordAsync("shop.set-1.0.0");
        var run = (await world.RunAsync("VoteSet", "--set", "1.0.0", "--module", "api", "--role", "sre", "--decision", "go", "--reason", "ready", "--voter", "sre@example.com"))
            .Refused("--module: Vote on module 'api' refused", $"votes, attestations, checklist and blessing are on the set {set.Digest}", "Cast it on the set: leave out the module");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Output, Does.Not.Contain("Exception"));
        Assert.That(await world.RecordAsync("shop.set-1.0.0"), Is.EqualTo(before));
    }

    [Test]
    public async Task An_author_of_a_module_in_the_set_cannot_vote_Go_on_it()
    {
        var (world, _) = await OpenedAsync();
        using var __ = world;
        (await world.RunAsync("VoteSet", "--set", "1.0.0", "--role", "qa", "--decision", "go", "--reason", "mine", "--voter", "alice@example.com"))
            .Refused("alice@example.com");
        Assert.That(await world.RecordAsync("shop.set-1.0.0"), Does.Not.Contain("\"vote\""));
    }
}
