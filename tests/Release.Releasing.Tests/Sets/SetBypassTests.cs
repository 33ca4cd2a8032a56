using Release.Process.Applications.Releases;
using Release.Process.Approvals;
using Release.Releasing.Tests.Support;
using Release.Testing.Signing;

namespace Release.Releasing.Tests.Sets;

/// <summary>
/// An insider with push access to the records repository tries to get an application release to production without
/// the commands (<see cref="RecordsTampering"/>: real commits pushed to the real records repository): an unsigned
/// blessing and promotion written straight into the set's record count for nothing, and a blessing signed in place
/// with a roster member's own key still does not carry a set that no one voted on past the production gate.
/// </summary>
[NonParallelizable]
public class SetBypassTests : RegistryTestBase
{
    private async Task<(SetWorld World, ReleaseManifest Set)> OpenedAsync()
    {
        var world = await SetWorld.CreateAsync<BatchSetReleaseBuild>(Registry);
        await world.BothModulesPushedAsync();
        (await world.RunAsync("OpenSet", "--set", "1.0.0")).Succeeded();
        return (world, await world.SetAsync("1.0.0"));
    }

    [Test]
    public async Task An_unsigned_blessing_and_pre_prod_promotion_committed_straight_into_the_record_do_not_open_production()
    {
        var (world, set) = await OpenedAsync();
        using var _ = world;
        (await world.RunAsync("PromoteSet", "--set", "1.0.0", "--to", "staging-eu,staging-us")).Succeeded();
        var at = DateTimeOffset.UtcNow;
        await RecordsTampering.CommitEventAsync(world.Records, "shop.set-1.0.0", _ => new ReleasePromoted(at, "pre-prod", set.Digest.Value, "eve@example.com"));
        await RecordsTampering.CommitEventAsync(world.Records, "shop.set-1.0.0", _ => SetRecords.Blessing(set, at.AddSeconds(1)));
        var gitops = await world.LastCommitPathsAsync();

        var run = (await world.RunAsync("PromoteSet", "--set", "1.0.0", "--to", "production")).Refused(
            "before step 'pre-prod' holds it", "Unblessed set: step 'production' takes only blessed releases");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(await world.LastCommitPathsAsync(), Is.EqualTo(gitops), "nothing was committed to the GitOps repository");
        Assert.That((await world.HistoryAsync("1.0.0")).Current("production"), Is.Null);
    }

    [Test]
    public async Task A_blessing_signed_in_place_with_a_roster_key_but_without_votes_does_not_pass_the_production_gate()
    {
        var (world, set) = await OpenedAsync();
        using var _ = world;
        (await world.RunAsync("PromoteSet", "--set", "1.0.0", "--to", "staging-eu,staging-us")).Succeeded();
        (await world.RunAsync("PromoteSet", "--set", "1.0.0", "--to", "pre-prod")).Succeeded();
        await RecordsTampering.CommitSignedEventAsync(world.Records, "shop.set-1.0.0", _ => SetRecords.Blessing(set, DateTimeOffset.UtcNow),
            world.Roster.KeyOf(TeamRoster.Job));
        var gitops = await world.LastCommitPathsAsync();

        var run = (await world.RunAsync("PromoteSet", "--set", "1.0.0", "--to", "production")).Refused(
            "PromoteSet: the blessing of shop.set-1.0.0 does not stand: the signed votes at 'production' give Go from 0 of 4 roles");
        Assert.That(run.Output, Does.Not.Contain("production: promoted"));
        Assert.That(await world.LastCommitPathsAsync(), Is.EqualTo(gitops), "nothing was committed to the GitOps repository");
        Assert.That((await world.HistoryAsync("1.0.0")).Current("production"), Is.Null);
    }
}
