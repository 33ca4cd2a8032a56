using Release.Releasing.Tests.Support;
using Release.Testing.Git;

namespace Release.Releasing.Tests;

/// <summary>
/// The release records repository is shared by everyone who votes, attests and releases: a change that loses a push
/// race is made again on top of the other one, and a push refused for any other reason ends at once, recording nothing.
/// </summary>
[NonParallelizable]
public class RecordsPushTests : RegistryTestBase
{
    [Test]
    public async Task A_record_that_loses_a_push_race_is_written_again_on_top_and_both_changes_stay()
    {
        using var world = await ReleaseWorld.CreateAsync(Registry);
        await world.Records.LoseNextPushRaceAsync("teams/payments.md", "payments records here too\n", "chore: another team change");

        await world.OpenAsync();

        var history = (await GitCli.RunAsync(world.Records.Path, ["log", "--format=%an: %s", "main"])).Split('\n');
        Assert.That(history[1], Is.EqualTo("carol: chore: another team change"), string.Join("\n", history));
        Assert.That(history[0], Does.Contain("director-0.1.0"), "the opened release is recorded on top of the change that landed first");
        Assert.That(await world.RecordAsync("director-0.1.0"), Does.Contain("\"version\""));
        Assert.That(await GitCli.RunAsync(world.Records.Path, ["show", "main:teams/payments.md"]), Is.EqualTo("payments records here too"));
    }

    [Test]
    public async Task A_push_the_records_repository_refuses_is_a_clear_error_and_records_nothing()
    {
        using var world = await ReleaseWorld.CreateAsync(Registry);
        await world.Records.InstallHookAsync("pre-receive", "#!/bin/sh\necho 'main is protected: push through a merge request' >&2\nexit 1\n");
        Assert.That(await GitCli.RunAsync(world.Records.Path, ["for-each-ref"]), Is.Empty, "the records repository starts empty");

        (await world.RunAsync("Clone", "Version", "OpenRelease", "--voter", "release.manager@example.com"))
            .Refused("refused the push (the record was not changed)", "Check the credentials in --release-records", "main is protected");

        Assert.That(await GitCli.RunAsync(world.Records.Path, ["for-each-ref"]), Is.Empty, "nothing was recorded");
    }
}
