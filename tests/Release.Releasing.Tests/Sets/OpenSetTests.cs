using System.Text.Json;
using Release.Process.Applications.Releases;
using Release.Process.Approvals;

namespace Release.Releasing.Tests.Sets;

/// <summary>
/// OpenSet (issue 14, step 1): an application release pins every module's pushed image and chart digest in a release
/// manifest, recorded signed in a real records repository; the next set after one changed module differs only there.
/// </summary>
[NonParallelizable]
public class OpenSetTests
{
    [Test]
    public async Task OpenSet_records_every_modules_image_and_chart_digest_signed_in_the_records_repository()
    {
        using var world = await SetWorld.CreateAsync();
        var (api, web) = await world.BothModulesPushedAsync();

        var run = (await world.RunAsync("OpenSet", "--set", "1.0.0")).Succeeded();

        var stored = await world.RecordAsync("shop.set-1.0.0");
        var record = ReleaseRecordJson.Deserialize(stored, "shop.set-1.0.0.json");
        var set = SetRecords.ManifestOf(record)!;
        Assert.That(set.PinOf("api")!.ImageDigest.Value, Is.EqualTo(api.Image));
        Assert.That(set.PinOf("api")!.ChartDigest.Value, Is.EqualTo(api.Chart));
        Assert.That(set.PinOf("api")!.Version.ToString(), Is.EqualTo("1.0.0"));
        Assert.That(set.PinOf("web")!.ImageDigest.Value, Is.EqualTo(web.Image));
        Assert.That(set.PinOf("web")!.ChartDigest.Value, Is.EqualTo(web.Chart));
        Assert.That(record.Created.Version, Is.EqualTo("1.0.0"));
        Assert.That(record.Created.Authors, Does.Contain("alice@example.com"), "the modules' authors cannot vote Go on the set");
        // Signed by the job's key on the roster and chained: the records verify against the roster.
        Assert.That(record.Events, Has.All.Matches<ReleaseEvent>(e => e.Signature is { Length: > 0 }));
        Assert.That(world.ManifestFile("1.0.0"), Is.EqualTo(set.Canonical));
        Assert.That(run.Output, Does.Contain($"Opened application release {set.Title}"));

        (await world.RunAsync("OpenSet", "--set", "1.0.0")).Succeeded();
        Assert.That(await world.RecordAsync("shop.set-1.0.0"), Is.EqualTo(stored), "the same set opened again changes nothing");
    }

    [Test]
    public async Task The_next_set_after_one_changed_module_differs_only_in_that_modules_digest()
    {
        using var world = await SetWorld.CreateAsync();
        await world.BothModulesPushedAsync();
        (await world.RunAsync("OpenSet", "--set", "1.0.0")).Succeeded();

        world.Source.WriteFile("modules/api/app.txt", "v2\n");
        await world.Source.CommitAsync("feat: api answers faster #2", SetWorld.Alice);
        world.NotBuilt("web");
        var api = await world.PushedAsync("api", "1.1.0", "api two");
        var run = (await world.RunAsync("OpenSet", "--set", "1.1.0")).Succeeded();

        var first = SetRecords.ManifestOf(ReleaseRecordJson.Deserialize(await world.RecordAsync("shop.set-1.0.0"), "first"))!;
        var second = SetRecords.ManifestOf(ReleaseRecordJson.Deserialize(await world.RecordAsync("shop.set-1.1.0"), "second"))!;
        Assert.That(second.PinOf("web"), Is.EqualTo(first.PinOf("web")), "web was carried at its pinned digests");
        Assert.That(second.PinOf("api")!.ImageDigest.Value, Is.EqualTo(api.Image));
        Assert.That(second.PinOf("api")!.ImageDigest, Is.Not.EqualTo(first.PinOf("api")!.ImageDigest));
        Assert.That(second.Digest, Is.Not.EqualTo(first.Digest));
        Assert.That(run.Output, Does.Contain("changed: api").And.Contain("carried: web"));
    }

    [Test]
    public async Task Opening_a_version_again_with_other_digests_is_refused_with_exit_2_and_records_nothing()
    {
        using var world = await SetWorld.CreateAsync();
        await world.BothModulesPushedAsync();
        (await world.RunAsync("OpenSet", "--set", "1.0.0")).Succeeded();
        var before = await world.RecordAsync("shop.set-1.0.0");

        await world.PushedAsync("web", "2.0.1", "web rebuilt");
        var run = (await world.RunAsync("OpenSet", "--set", "1.0.0")).Refused("application release shop.set-1.0.0 already exists", "Open it as a new version (--set)");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Output, Does.Not.Contain("Exception"));
        Assert.That(await world.RecordAsync("shop.set-1.0.0"), Is.EqualTo(before));
    }

    [Test]
    public async Task A_module_neither_built_nor_in_a_previous_set_is_refused_with_exit_2_naming_it()
    {
        using var world = await SetWorld.CreateAsync();
        await world.PushedAsync("api", "1.0.0", "api one");
        var run = (await world.RunAsync("OpenSet", "--set", "1.0.0")).Refused("Module 'web' of release shop 1.0.0 was not built in this pipeline", "build and push it");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Output, Does.Not.Contain("Exception"));
    }
}
