using Release.Process.Approvals;
using Release.Releasing.Tests.Support;
using Release.Testing.Git;
using Release.Testing.Registry;

namespace Release.Releasing.Tests;

/// <summary>
/// The attacks around the commands (issue 19): records written straight into the records repository, a rewritten
/// history, a veto after the blessing, one person in many names, many voters at once. Every record is signed by its
/// actor's key on the roster (build/release-roster); what is not, does not count.
/// </summary>
[NonParallelizable]
public class SignedRecordsTests : RegistryTestBase
{
    private const string Release = "0.1.0";
    private const string ReleaseId = "director-0.1.0";

    // Opened, measured, on staging and pre-prod; no votes yet.
    private async Task<ReleaseWorld> ReadyForVotesAsync()
    {
        var world = await ReleaseWorld.CreateAsync(Registry);
        await world.OpenAsync();
        await world.StageOutputsAsync("signed records image " + Guid.NewGuid());
        (await world.RunAsync("ReleaseNotes", "QualityGate")).Succeeded();
        (await world.RunAsync("Promote", "--release", Release, "--to", "staging,pre-prod", "--voter", "ops@example.com")).Succeeded();
        return world;
    }

    private static Task<BuildRun> GoAsync(ReleaseWorld world, string role, string voter, WorldRun? run = null) =>
        world.RunAsync(run ?? new WorldRun(), "Vote", "--release", Release, "--role", role, "--decision", "go", "--reason", "ready", "--voter", voter);

    [Test]
    public async Task A_Go_committed_straight_into_the_records_in_another_roles_name_is_refused_and_Bless_refuses()
    {
        using var world = await ReadyForVotesAsync();
        await world.VoteAndAttestAsync(Release, skipVoteOf: "product-management");
        // Unsigned, in the ProductManagement role's name; then signed with Eve's own roster key but still in PM's name.
        await RecordsTampering.CommitEventAsync(world.Records, ReleaseId, r => new VoteCast(world.Now.AddSeconds(1), "production", "ProductManagement", "pm@example.com",
            VoteDecision.Go, "ready") { Previous = RecordChain.Head(r) });
        world.Roster.KeyOf("eve@example.com");

        var status = (await world.RunAsync("GateStatus", "--release", Release)).Succeeded().Output;
        Assert.That(status, Does.Contain("REFUSED: event").And.Contain("Go vote as ProductManagement by pm@example.com").And.Contain("unsigned"));
        Assert.That(status, Does.Contain("no Go yet from: ProductManagement"));
        (await world.RunAsync("Bless", "--release", Release, "--voter", "lead@example.com"))
            .Refused("cannot be blessed", "no Go yet from: ProductManagement");
        Assert.That(await world.RecordAsync(ReleaseId), Does.Not.Contain("\"blessed\""));

        // Signing with someone else's key in PM's name does not work either: who votes is the key's owner.
        (await world.RunAsync(new WorldRun(Signing: ["--signing-key", world.Roster.KeyOf("eve@example.com")]),
                "Vote", "--release", Release, "--role", "product-management", "--decision", "go", "--reason", "ready", "--voter", "pm@example.com"))
            .Refused("--voter pm@example.com but the signing key belongs to eve@example.com");
        // A key on no roster counts for nothing.
        (await world.RunAsync(new WorldRun(Signing: ["--signing-key", world.Roster.UnlistedKey("mallory@example.com")]),
                "Vote", "--release", Release, "--role", "product-management", "--decision", "go", "--reason", "ready"))
            .Refused("is on no gate's roster");
    }

    [Test]
    public async Task A_blessing_committed_straight_into_the_records_does_not_let_Promote_reach_production()
    {
        using var world = await ReadyForVotesAsync();
        await RecordsTampering.CommitEventAsync(world.Records, ReleaseId, r => new ReleaseBlessed(world.Now.AddSeconds(1), world.PushedDigest, world.ChartDigest)
            { Previous = RecordChain.Head(r) });
        (await world.RunAsync("Promote", "--release", Release, "--to", "production", "--voter", "ops@example.com"))
            .Refused("Unblessed digest: 'production' accepts only blessed releases");

        // Signed with a roster member's own key, but written around Bless: no signed votes stand behind it.
        await RecordsTampering.CommitSignedEventAsync(world.Records, ReleaseId, r => new ReleaseBlessed(world.Now.AddSeconds(2), world.PushedDigest, world.ChartDigest),
            world.Roster.KeyOf("ops@example.com"));
        (await world.RunAsync("Promote", "--release", Release, "--to", "production", "--voter", "ops@example.com"))
            .Refused("the blessing of director-0.1.0 does not stand", "Go from 0 of 4 roles");
        Assert.That(await world.GitopsHistoryAsync(world.Production), Does.Not.Contain("deploy(production)"));
    }

    [Test]
    public async Task A_force_push_that_rewrites_the_records_is_detected_and_every_command_refuses_until_an_operator_resolves_it()
    {
        using var world = await ReadyForVotesAsync();
        (await world.RunAsync("Vote", "--release", Release, "--role", "sre", "--decision", "nogo", "--reason", "DR plan untested", "--voter", "sre@example.com")).Succeeded();
        // The NoGo is dropped from history by a force-push.
        await RecordsTampering.ForcePushWithoutLastAsync(world.Records, 1);

        const string rewritten = "was rewritten";
        (await GoAsync(world, "module-lead", "lead@example.com")).Refused(rewritten, "An operator must resolve it", "release-records-anchors");
        (await world.RunAsync("Bless", "--release", Release, "--voter", "lead@example.com")).Refused(rewritten);
        (await world.RunAsync("Promote", "--release", Release, "--to", "production", "--voter", "ops@example.com")).Refused(rewritten);
        (await world.RunAsync("GateStatus", "--release", Release)).Refused(rewritten);
    }

    [Test]
    public async Task A_NoGo_after_the_blessing_stops_Promote_until_its_voter_lifts_it()
    {
        using var world = await ReadyForVotesAsync();
        await world.VoteAndAttestAsync(Release);
        (await world.RunAsync("Bless", "--release", Release, "--voter", "lead@example.com")).Succeeded();
        (await world.RunAsync("Vote", "--release", Release, "--role", "sre", "--decision", "nogo", "--reason", "on-call rota empty tonight", "--voter", "sre@example.com")).Succeeded();

        (await world.RunAsync("Promote", "--release", Release, "--to", "production", "--voter", "ops@example.com"))
            .Refused("a veto stands on 'production'", "NoGo from sre@example.com (Sre): on-call rota empty tonight", "--decision go");
        Assert.That(await world.GitopsHistoryAsync(world.Production), Does.Not.Contain("deploy(production)"));
        // Someone else's Go does not lift it.
        (await world.RunAsync("Vote", "--release", Release, "--role", "qa", "--decision", "go", "--reason", "fine", "--voter", "qa@example.com")).Succeeded();
        (await world.RunAsync("Promote", "--release", Release, "--to", "production", "--voter", "ops@example.com")).Refused("a veto stands");

        (await GoAsync(world, "sre", "sre@example.com")).Succeeded();
        (await world.RunAsync("Promote", "--release", Release, "--to", "production", "--voter", "ops@example.com")).Succeeded();
    }

    [Test]
    public async Task A_NoGo_after_the_blessing_is_lifted_by_the_owner_of_its_role_on_the_roster_and_by_no_other_member()
    {
        using var world = await ReadyForVotesAsync();
        world.Roster.ListInRole("Sre", "sre@example.com");
        world.Roster.ListInRole("Sre", "sre.oncall@example.com");
        world.Roster.ListInRole("Sre", "sre.lead@example.com", owner: true);
        await world.VoteAndAttestAsync(Release);
        (await world.RunAsync("Bless", "--release", Release, "--voter", "lead@example.com")).Succeeded();
        (await world.RunAsync("Vote", "--release", Release, "--role", "sre", "--decision", "nogo", "--reason", "on-call rota empty tonight", "--voter", "sre@example.com")).Succeeded();
        (await world.RunAsync("Promote", "--release", Release, "--to", "production", "--voter", "ops@example.com"))
            .Refused("a veto stands on 'production'", "an owner of that role on the roster");

        // A member of the role who does not own it cannot lift it.
        (await GoAsync(world, "sre", "sre.oncall@example.com")).Succeeded();
        (await world.RunAsync("Promote", "--release", Release, "--to", "production", "--voter", "ops@example.com")).Refused("NoGo from sre@example.com (Sre)");

        (await GoAsync(world, "sre", "sre.lead@example.com")).Succeeded();
        (await world.RunAsync("Promote", "--release", Release, "--to", "production", "--voter", "ops@example.com")).Succeeded();
        Assert.That(await world.GitopsHistoryAsync(world.Production), Does.Contain("deploy(production)"));
    }

    [Test]
    public async Task One_person_cannot_vote_in_four_roles_under_four_names()
    {
        using var world = await ReadyForVotesAsync();
        var key = world.Roster.KeyOf("mallory@example.com");
        var mallory = new WorldRun(Signing: ["--signing-key", key]);
        foreach (var (role, name) in new[] { ("module-lead", "x1@example.com"), ("sre", "x2@example.com"), ("qa", "x3@example.com"), ("product-management", "x4@example.com") })
            (await GoAsync(world, role, name, mallory)).Refused($"--voter {name} but the signing key belongs to mallory@example.com");
        // Without the names, the key is one person: one role per release.
        (await world.RunAsync(mallory, "Vote", "--release", Release, "--role", "module-lead", "--decision", "go", "--reason", "ready")).Succeeded();
        (await world.RunAsync(mallory, "Vote", "--release", Release, "--role", "sre", "--decision", "go", "--reason", "ready")).Refused("mallory@example.com", "ModuleLead");
    }

    [Test]
    public async Task Ten_votes_cast_at_once_on_one_release_are_all_recorded()
    {
        using var world = await ReadyForVotesAsync();
        string[] roles = ["module-lead", "sre", "qa", "product-management"];
        var voters = Enumerable.Range(1, 10).Select(i => (Role: roles[i % 4], Voter: $"voter{i}@example.com")).ToArray();
        foreach (var (_, voter) in voters) world.Roster.KeyOf(voter); // the roster lists them before the votes start
        var at = new WorldRun(At: world.Now.AddSeconds(20));
        var runs = await Task.WhenAll(voters.Select(v => GoAsync(world, v.Role, v.Voter, at)));
        foreach (var run in runs) run.Succeeded();
        var record = await world.RecordAsync(ReleaseId);
        foreach (var (_, voter) in voters) Assert.That(record, Does.Contain($"\"voter\": \"{voter}\""));
        var status = (await world.RunAsync("GateStatus", "--release", Release)).Succeeded().Output;
        Assert.That(status, Does.Not.Contain("REFUSED"));
    }
}
