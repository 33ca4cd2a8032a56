using Release.Process.Approvals;
using Release.Releasing.Tests.Support;
using Release.Testing.Git;
using Release.Testing.Registry;

namespace Release.Releasing.Tests.Sets;

/// <summary>
/// A batch that fails in one environment (issue 14). The failing deployer is real: staging-us has its own GitOps
/// repository whose pre-receive hook refuses a push that changes web's HelmRelease there (as a cluster's admission
/// policy behind a protected branch would), so the GitOps push of the new set is rejected. A GitOps environment gets its
/// modules in one commit, so the refused push leaves staging-us on the previous set in full; staging-eu, promoted in the
/// same batch, is put back on the previous set (the group does not allow partial success) unless the group allows it.
/// </summary>
[NonParallelizable]
public class PromoteSetFailureTests : RegistryTestBase
{
    private const string RefuseWeb = """
        #!/bin/sh
        while read old new ref; do
          if git diff --name-only "$old" "$new" | grep -q '^environments/staging-us/web/'; then
            echo "web: staging-us refuses web's new HelmRelease (admission policy)" >&2
            exit 1
          fi
        done
        """;

    private static async Task<(SetWorld World, TempBareRemote StagingUs)> BothSetsAsync(RegistryFixture registry)
    {
        var world = await SetWorld.CreateAsync<BatchSetReleaseBuild>(registry);
        var stagingUs = await TempBareRemote.CreateWithCommitsAsync(1);
        world.Variables["TEST_STAGING_US_REPOSITORY"] = stagingUs.Path;
        await world.BothModulesPushedAsync();
        (await world.RunAsync("OpenSet", "--set", "1.0.0")).Succeeded();
        (await world.RunAsync("PromoteSet", "--set", "1.0.0", "--to", "staging-eu,staging-us")).Succeeded();
        await world.PushedAsync("api", "1.1.0", "api two");
        await world.PushedAsync("web", "2.1.0", "web two");
        (await world.RunAsync("OpenSet", "--set", "1.1.0")).Succeeded();
        await stagingUs.InstallHookAsync("pre-receive", RefuseWeb);
        return (world, stagingUs);
    }

    [Test]
    public async Task A_module_refused_in_one_environment_leaves_the_whole_batch_on_the_previous_set_in_full()
    {
        var (world, stagingUs) = await BothSetsAsync(Registry);
        using var _ = world;
        using var __ = stagingUs;
        var first = await world.SetAsync("1.0.0");
        var second = await world.SetAsync("1.1.0");

        var run = await world.RunAsync("PromoteSet", "--set", "1.1.0", "--to", "staging-eu,staging-us");

        Assert.That(run.ExitCode, Is.Not.EqualTo(0), run.Output);
        Assert.That(run.Output, Does.Contain($"staging-us: FAILED (deploying api, web: ").And.Contain("web: staging-us refuses web's new HelmRelease"));
        Assert.That(run.Output, Does.Contain($"staging-us: FAILED").And.Contain($"back on {first.Title}"));
        Assert.That(run.Output, Does.Contain("staging-eu: reverted (the batch failed in staging-us and step 'staging' does not allow partial success)"));
        Assert.That(run.Output, Does.Not.Contain("Exception:"));
        // Every module's deployed digests, in both environments: the first set's, in full.
        await world.AssertRunsAsync("staging-eu", first);
        await world.AssertRunsAsync("staging-us", first, stagingUs);
        var record = ReleaseRecordJson.Deserialize(await world.RecordAsync("shop.set-1.1.0"), "1.1.0");
        Assert.That(record.Events.OfType<ReleasePromoted>(), Is.Empty, "no environment keeps the second set");
        var history = await world.HistoryAsync("1.0.0", "1.1.0");
        Assert.That(history.Current("staging-eu")!.Digest, Is.EqualTo(first.Digest));
        Assert.That(history.Current("staging-us")!.Digest, Is.EqualTo(first.Digest));
        Assert.That(second.Digest, Is.Not.EqualTo(first.Digest));
    }

    [Test]
    public async Task A_group_that_allows_partial_success_keeps_the_new_set_where_it_succeeded_and_records_only_there()
    {
        var (world, stagingUs) = await BothSetsAsync(Registry);
        using var _ = world;
        using var __ = stagingUs;
        world.Variables["TEST_PARTIAL_SUCCESS_GROUP"] = "staging";
        var first = await world.SetAsync("1.0.0");
        var second = await world.SetAsync("1.1.0");

        var run = await world.RunAsync("PromoteSet", "--set", "1.1.0", "--to", "staging-eu,staging-us");

        Assert.That(run.ExitCode, Is.Not.EqualTo(0), run.Output);
        Assert.That(run.Output, Does.Contain($"staging-eu: promoted to {second.Title}").And.Contain("staging-us: FAILED"));
        await world.AssertRunsAsync("staging-eu", second);
        await world.AssertRunsAsync("staging-us", first, stagingUs);
        var record = ReleaseRecordJson.Deserialize(await world.RecordAsync("shop.set-1.1.0"), "1.1.0");
        Assert.That(record.Events.OfType<ReleasePromoted>().Select(p => p.Environment), Is.EqualTo(new[] { "staging-eu" }));
    }

    [Test]
    public async Task A_batch_failing_with_the_first_set_removes_it_again_from_the_environment_that_had_taken_it()
    {
        using var world = await SetWorld.CreateAsync<BatchSetReleaseBuild>(Registry);
        using var stagingUs = await TempBareRemote.CreateWithCommitsAsync(1);
        world.Variables["TEST_STAGING_US_REPOSITORY"] = stagingUs.Path;
        await world.BothModulesPushedAsync();
        (await world.RunAsync("OpenSet", "--set", "1.0.0")).Succeeded();
        await stagingUs.InstallHookAsync("pre-receive", RefuseWeb);

        var run = await world.RunAsync("PromoteSet", "--set", "1.0.0", "--to", "staging-eu,staging-us");

        Assert.That(run.ExitCode, Is.Not.EqualTo(0), run.Output);
        Assert.That(run.Output, Does.Contain("staging-eu: reverted (the batch failed in staging-us").And.Contain("back on nothing (modules removed)"));
        Assert.That(await GitCli.RunAsync(world.Environments.Path, ["ls-tree", "-r", "--name-only", "main", "--", "environments/staging-eu"]), Is.Empty,
            "staging-eu runs none of shop's modules again");
        Assert.That(await GitCli.RunAsync(world.Environments.Path, ["log", "-1", "--format=%s", "main"]), Does.Contain("remove(staging-eu): shop api, web"));
        Assert.That(await GitCli.RunAsync(stagingUs.Path, ["ls-tree", "-r", "--name-only", "main", "--", "environments"]), Is.Empty);
        var record = ReleaseRecordJson.Deserialize(await world.RecordAsync("shop.set-1.0.0"), "1.0.0");
        Assert.That(record.Events.OfType<ReleasePromoted>(), Is.Empty);
    }
}
