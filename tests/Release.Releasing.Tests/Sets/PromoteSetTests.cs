using Release.Process.Applications.Releases;
using Release.Process.Approvals;
using Release.Releasing.Tests.Support;

namespace Release.Releasing.Tests.Sets;

/// <summary>
/// PromoteSet (issue 14): an application release goes to the staging group (staging-eu and staging-us, one batch under
/// one approval), then pre-prod, then production once blessed, through a real registry (every module's image and chart
/// copied by digest into each environment's repositories) and a real GitOps repository (one commit per environment,
/// every module's HelmRelease pinned to the set's digests); the records hold one signed promotion per environment.
/// </summary>
[NonParallelizable]
public class PromoteSetTests : RegistryTestBase
{
    [Test]
    public async Task A_set_goes_through_the_staging_batch_pre_prod_and_production_and_the_next_set_changes_only_the_changed_modules_pin()
    {
        using var world = await SetWorld.CreateAsync<BatchSetReleaseBuild>(Registry);
        await world.BothModulesPushedAsync();
        (await world.RunAsync("OpenSet", "--set", "1.0.0")).Succeeded();
        var first = await world.SetAsync("1.0.0");

        var batch = (await world.RunAsync("PromoteSet", "--set", "1.0.0", "--to", "staging-us,staging-eu")).Succeeded();
        Assert.That(batch.Output, Does.Contain($"promote shop 1.0.0 (set {first.Digest}) to staging-eu, staging-us (step staging)"),
            "one approval names the whole batch");
        Assert.That(batch.Output, Does.Contain($"staging-eu: promoted to {first.Title}").And.Contain($"staging-us: promoted to {first.Title}"));
        foreach (var environment in new[] { "staging-eu", "staging-us" })
        {
            await world.AssertRunsAsync(environment, first);
            Assert.That(await world.FileAsync(environment, "web", "helmrelease.yaml"), Does.Contain("dependsOn").And.Contain("api"),
                "Flux installs web after api");
        }
        var log = await Release.Testing.Git.GitCli.RunAsync(world.Records.Path, ["log", "--format=%B", "main"]);
        Assert.That(log, Does.Contain($"promote shop 1.0.0 (set {first.Digest}) to staging-eu, staging-us (step staging): staging-eu: promoted"),
            "one records commit names the batch and each environment's result");
        var records = await world.RecordAsync("shop.set-1.0.0");
        Assert.That(ReleaseRecordJson.Deserialize(records, "1.0.0").Events.OfType<ReleasePromoted>().Select(p => p.Environment),
            Is.EquivalentTo(new[] { "staging-eu", "staging-us" }));

        (await world.RunAsync("PromoteSet", "--set", "1.0.0", "--to", "pre-prod")).Succeeded();
        await world.BlessedToProductionAsync("1.0.0");
        await world.AssertRunsAsync("pre-prod", first);
        await world.AssertRunsAsync("production", first);
        var record = ReleaseRecordJson.Deserialize(await world.RecordAsync("shop.set-1.0.0"), "1.0.0");
        var promotions = record.Events.OfType<ReleasePromoted>().ToList();
        Assert.That(promotions.Select(p => p.Environment), Is.EqualTo(new[] { "staging-eu", "staging-us", "pre-prod", "production" }));
        Assert.That(promotions, Has.All.Matches<ReleasePromoted>(p => p.ImageDigest == first.Digest.Value && p.Signature is { Length: > 0 }));
        Assert.That((await world.HistoryAsync("1.0.0")).Current("production")!.Digest, Is.EqualTo(first.Digest));

        // The next release changes api only: web is carried at its pin, and only api's folder changes in each environment.
        world.Source.WriteFile("modules/api/app.txt", "v2\n");
        await world.Source.CommitAsync("feat: api answers faster #2", SetWorld.Alice);
        world.NotBuilt("web");
        await world.PushedAsync("api", "1.1.0", "api two");
        var second = await world.OpenedAndStagedAsync("1.1.0");
        Assert.That(second.PinOf("web"), Is.EqualTo(first.PinOf("web")));
        Assert.That(second.PinOf("api")!.ImageDigest, Is.Not.EqualTo(first.PinOf("api")!.ImageDigest));
        foreach (var environment in new[] { "staging-eu", "staging-us", "pre-prod" }) await world.AssertRunsAsync(environment, second);
        Assert.That(await world.LastCommitPathsAsync(), Has.All.StartWith("environments/pre-prod/api/"), "pre-prod's commit changes api alone");
        await world.AssertRunsAsync("production", first);
    }

    [Test]
    public async Task Promoting_a_set_to_production_with_a_module_digest_other_than_the_blessed_one_is_refused_with_exit_2()
    {
        using var world = await SetWorld.CreateAsync<BatchSetReleaseBuild>(Registry);
        await world.BothModulesPushedAsync();
        var first = await world.OpenedAndStagedAsync("1.0.0");
        await world.BlessedToProductionAsync("1.0.0");
        world.NotBuilt("web");
        await world.PushedAsync("api", "1.1.0", "api rebuilt");
        var second = await world.OpenedAndStagedAsync("1.1.0");
        var before = await world.RecordAsync("shop.set-1.1.0");

        var run = (await world.RunAsync("PromoteSet", "--set", "1.1.0", "--to", "production")).Refused(
            "Unblessed set: step 'production' takes only blessed releases",
            $"module 'api': {second.PinOf("api")!.Identity} is not a blessed digest (the last blessed set, {first.Title}, pins {first.PinOf("api")!.Identity})",
            "bless the release first");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Output, Does.Not.Contain("module 'web'"), "web is pinned at its blessed digests");
        Assert.That(run.Output, Does.Not.Contain("Exception"));
        Assert.That(await world.RecordAsync("shop.set-1.1.0"), Is.EqualTo(before));
        await world.AssertRunsAsync("production", first);
    }

    [Test]
    public async Task A_batch_mixing_environments_of_two_steps_is_refused_with_exit_2_and_changes_nothing()
    {
        using var world = await SetWorld.CreateAsync<BatchSetReleaseBuild>(Registry);
        await world.BothModulesPushedAsync();
        (await world.RunAsync("OpenSet", "--set", "1.0.0")).Succeeded();
        var before = await world.RecordAsync("shop.set-1.0.0");

        var run = (await world.RunAsync("PromoteSet", "--set", "1.0.0", "--to", "staging-eu,pre-prod")).Refused(
            "--to staging-eu,pre-prod: a batch takes the environments of one step of the chain",
            "step 'staging' (staging-eu), step 'pre-prod' (pre-prod)", "first --to staging-eu");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Output, Does.Not.Contain("Exception"));
        Assert.That(await world.RecordAsync("shop.set-1.0.0"), Is.EqualTo(before));
        Assert.That(await world.LastCommitPathsAsync(), Has.None.Contain("environments/"), "nothing was committed to the GitOps repository");
    }

    [Test]
    public async Task Promoting_to_production_before_pre_prod_holds_the_set_is_refused_with_exit_2()
    {
        using var world = await SetWorld.CreateAsync<BatchSetReleaseBuild>(Registry);
        await world.BothModulesPushedAsync();
        (await world.RunAsync("OpenSet", "--set", "1.0.0")).Succeeded();
        (await world.RunAsync("PromoteSet", "--set", "1.0.0", "--to", "staging-eu,staging-us")).Succeeded();
        var before = await world.RecordAsync("shop.set-1.0.0");

        var run = (await world.RunAsync("PromoteSet", "--set", "1.0.0", "--to", "production")).Refused(
            "to production before step 'pre-prod' holds it (pre-prod never ran this set): promote it --to pre-prod first");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Output, Does.Not.Contain("Exception"));
        Assert.That(await world.RecordAsync("shop.set-1.0.0"), Is.EqualTo(before));
        Assert.That(await world.LastCommitPathsAsync(), Has.None.Contain("environments/production/"));
    }

    [Test]
    public async Task A_NoGo_on_the_set_after_its_blessing_stops_its_promotion_to_production()
    {
        using var world = await SetWorld.CreateAsync<BatchSetReleaseBuild>(Registry);
        await world.BothModulesPushedAsync();
        await world.OpenedAndStagedAsync("1.0.0");
        await world.VoteAndAttestAsync("1.0.0");
        (await world.RunAsync("BlessSet", "--set", "1.0.0")).Succeeded();
        (await world.RunAsync("VoteSet", "--set", "1.0.0", "--role", "sre", "--decision", "nogo", "--reason", "on-call rota empty tonight",
            "--voter", "sre@example.com")).Succeeded();

        (await world.RunAsync("PromoteSet", "--set", "1.0.0", "--to", "production")).Refused(
            "PromoteSet: a veto stands on 'production' for shop.set-1.0.0", "NoGo from sre@example.com (Sre): on-call rota empty tonight",
            "./build.sh VoteSet --set 1.0.0 --environment production");
        Assert.That(await world.LastCommitPathsAsync(), Has.None.Contain("environments/production/"));
        Assert.That(ReleaseRecordJson.Deserialize(await world.RecordAsync("shop.set-1.0.0"), "1.0.0").Events.OfType<ReleasePromoted>()
            .Select(p => p.Environment), Has.None.EqualTo("production"));
    }
}
