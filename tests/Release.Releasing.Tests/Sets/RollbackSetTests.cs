using Release.Process.Approvals;
using Release.Releasing.Tests.Support;

namespace Release.Releasing.Tests.Sets;

/// <summary>
/// RollbackSet (issue 14): an environment goes back to the application release it ran before, or to a named one, in one
/// command, every module at that set's pins by digest through the environment's GitOps repository, recorded signed on
/// the set it left so the history answers the restored set.
/// </summary>
[NonParallelizable]
public class RollbackSetTests : RegistryTestBase
{
    [Test]
    public async Task Production_rolls_back_to_the_previous_blessed_set_through_GitOps_and_the_records_answer_the_first_set()
    {
        using var world = await SetWorld.CreateAsync<BatchSetReleaseBuild>(Registry);
        await world.BothModulesPushedAsync();
        var first = await world.OpenedAndStagedAsync("1.0.0");
        await world.BlessedToProductionAsync("1.0.0");
        world.NotBuilt("web");
        await world.PushedAsync("api", "1.1.0", "api two");
        var second = await world.OpenedAndStagedAsync("1.1.0");
        await world.BlessedToProductionAsync("1.1.0");
        await world.AssertRunsAsync("production", second);

        var run = (await world.RunAsync("RollbackSet", "--environment", "production")).Succeeded();

        await world.AssertRunsAsync("production", first);
        await world.AssertRunsAsync("pre-prod", second);
        Assert.That(await world.LastCommitPathsAsync(), Has.All.StartWith("environments/production/api/"), "only api's pins differ between the sets");
        Assert.That(run.Output, Does.Contain($"rolling 'production' back from {second.Title} to {first.Title}").And.Contain("api 1.1.0 -> 1.0.0"));
        var rolledBack = ReleaseRecordJson.Deserialize(await world.RecordAsync("shop.set-1.1.0"), "1.1.0").Events.OfType<ReleaseRolledBack>().Single();
        Assert.That(rolledBack.Environment, Is.EqualTo("production"));
        Assert.That(rolledBack.ToVersion, Is.EqualTo("1.0.0"));
        Assert.That(rolledBack.Signature, Is.Not.Empty);
        var history = await world.HistoryAsync("1.0.0", "1.1.0");
        Assert.That(history.Current("production")!.Digest, Is.EqualTo(first.Digest));
        Assert.That(history.Current("pre-prod")!.Digest, Is.EqualTo(second.Digest));

        // A named set: staging-eu goes back to 1.0.0 with --to.
        (await world.RunAsync("RollbackSet", "--environment", "staging-eu", "--to", "1.0.0")).Succeeded();
        await world.AssertRunsAsync("staging-eu", first);
        await world.AssertRunsAsync("staging-us", second);
        Assert.That((await world.HistoryAsync("1.0.0", "1.1.0")).Current("staging-eu")!.Digest, Is.EqualTo(first.Digest));
    }

    [Test]
    public async Task Rolling_back_an_environment_that_ran_one_set_only_is_refused_with_exit_2_naming_it()
    {
        using var world = await SetWorld.CreateAsync<BatchSetReleaseBuild>(Registry);
        await world.BothModulesPushedAsync();
        var first = await world.OpenedAndStagedAsync("1.0.0");
        var before = await world.RecordAsync("shop.set-1.0.0");

        var run = (await world.RunAsync("RollbackSet", "--environment", "pre-prod")).Refused("RollbackSet:", "pre-prod");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Output, Does.Not.Contain("Exception"));
        Assert.That(await world.RecordAsync("shop.set-1.0.0"), Is.EqualTo(before));
        await world.AssertRunsAsync("pre-prod", first);
    }
}
