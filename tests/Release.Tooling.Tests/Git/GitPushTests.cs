using Release.Testing.Git;
using Release.Tooling.Git;

namespace Release.Tooling.Tests.Git;

public sealed class GitPushTests
{
    private static readonly GitIdentity Bot = new("Release Bot", "bot@example.com");
    private readonly List<string> log = [];
    private TempBareRemote remote = null!;

    [SetUp]
    public async Task CreateRemoteAsync() => remote = await TempBareRemote.CreateWithCommitsAsync(1);

    [TearDown]
    public void Delete() => remote.Dispose();

    [Test]
    public async Task Push_sends_the_branch_and_follow_tags_sends_annotated_tags()
    {
        var clone = await remote.CloneAsync();
        var repository = new GitRepository(clone.Path);
        var head = await clone.CommitFileAsync("a.txt", "a", "feat: a");
        await clone.TagAsync("v1.0.0", "Release 1.0.0");

        await repository.PushAsync(new GitPushSettings { RefSpecs = ["main"], FollowTags = true });

        Assert.That(await remote.ResolveAsync("refs/heads/main"), Is.EqualTo(head));
        Assert.That(await remote.ResolveAsync("v1.0.0^{commit}"), Is.EqualTo(head));
    }

    [Test]
    public async Task A_rejected_push_is_rebased_onto_the_remote_and_lands()
    {
        var first = await remote.CloneAsync();
        var second = await remote.CloneAsync();
        await first.CommitFileAsync("first.txt", "1", "feat: from first");
        await second.CommitFileAsync("second.txt", "2", "feat: from second");
        await new GitRepository(first.Path).PushWithRetryAsync(new GitPushSettings());

        await new GitRepository(second.Path, new GitClient(log: log.Add)).PushWithRetryAsync(new GitPushSettings(), committer: Bot);

        var subjects = await GitCli.RunAsync(remote.Path, ["log", "--format=%s", "main"]);
        Assert.That(subjects.Split('\n'), Is.EqualTo(new[] { "feat: from second", "feat: from first", "feat: change 1" }));
        Assert.That(log, Has.Some.StartsWith("> git rebase FETCH_HEAD"), "the first push should have been rejected and rebased");
    }

    [Test]
    public async Task TryPush_says_false_when_another_push_landed_first_and_the_change_redone_on_top_lands()
    {
        var clone = await remote.CloneAsync();
        var repository = new GitRepository(clone.Path);
        await clone.CommitFileAsync("shared.txt", "ours\n", "feat: ours");
        await remote.LoseNextPushRaceAsync("shared.txt", "theirs\n", "feat: theirs");

        var first = await repository.TryPushAsync(new GitPushSettings());
        await repository.ResetToRemoteAsync("origin", "main");
        var afterReset = await File.ReadAllTextAsync(Path.Combine(clone.Path, "shared.txt"));
        await clone.CommitFileAsync("shared.txt", "ours again\n", "feat: ours again");
        var second = await repository.TryPushAsync(new GitPushSettings());

        Assert.That((first, second), Is.EqualTo((false, true)));
        Assert.That(afterReset, Is.EqualTo("theirs\n"), "the reset takes the remote's commit, dropping ours");
        var subjects = await GitCli.RunAsync(remote.Path, ["log", "--format=%an: %s", "main"]);
        Assert.That(subjects.Split('\n'), Is.EqualTo(new[] { "Test Author: feat: ours again", "carol: feat: theirs", "Test Author: feat: change 1" }));
    }

    [Test]
    public async Task TryPush_throws_when_the_remote_refuses_for_another_reason()
    {
        var clone = await remote.CloneAsync();
        await clone.CommitFileAsync("a.txt", "a", "feat: a");
        await remote.InstallHookAsync("pre-receive", "#!/bin/sh\necho 'protected branch' >&2\nexit 1\n");

        var error = Assert.ThrowsAsync<Release.Tooling.Processes.ProcessFailedException>(() => new GitRepository(clone.Path).TryPushAsync(new GitPushSettings()));

        Assert.That(error!.Message, Does.Contain("protected branch"));
    }

    [Test]
    public async Task Two_clones_pushing_at_once_both_land()
    {
        var clones = new[] { await remote.CloneAsync(), await remote.CloneAsync() };
        for (var i = 0; i < clones.Length; i++)
        {
            await clones[i].CommitFileAsync($"clone{i}.txt", $"{i}", $"chore: bump from clone {i}");
        }

        await Task.WhenAll(clones.Select(c => new GitRepository(c.Path).PushWithRetryAsync(new GitPushSettings(), maxAttempts: 5, committer: Bot)));

        var subjects = (await GitCli.RunAsync(remote.Path, ["log", "--format=%s", "main"])).Split('\n');
        Assert.That(subjects, Is.SupersetOf(new[] { "chore: bump from clone 0", "chore: bump from clone 1", "feat: change 1" }));
        Assert.That(subjects, Has.Length.EqualTo(3));
    }

    [Test]
    public async Task A_conflicting_rebase_is_aborted_and_reported()
    {
        var first = await remote.CloneAsync();
        var second = await remote.CloneAsync();
        await first.CommitFileAsync("version.txt", "1.0.1", "chore: 1.0.1");
        await second.CommitFileAsync("version.txt", "1.1.0", "chore: 1.1.0");
        await new GitRepository(first.Path).PushAsync(new GitPushSettings { RefSpecs = ["main"] });
        var before = await second.HeadAsync();

        var failure = Assert.ThrowsAsync<GitPushRejectedException>(
            () => new GitRepository(second.Path).PushWithRetryAsync(new GitPushSettings(), committer: Bot))!;

        Assert.That(failure.Branch, Is.EqualTo("main"));
        Assert.That(failure.Message, Does.Contain("rebase was aborted").And.Contain("To fix"));
        Assert.That(await second.HeadAsync(), Is.EqualTo(before));
        Assert.That(await second.GitAsync(["status", "--porcelain"]), Is.Empty);
    }

    [Test]
    public async Task Gives_up_after_the_last_attempt()
    {
        var first = await remote.CloneAsync();
        var second = await remote.CloneAsync();
        await first.CommitFileAsync("a.txt", "a", "feat: a");
        await second.CommitFileAsync("b.txt", "b", "feat: b");
        await new GitRepository(first.Path).PushAsync(new GitPushSettings { RefSpecs = ["main"] });

        var failure = Assert.ThrowsAsync<GitPushRejectedException>(
            () => new GitRepository(second.Path).PushWithRetryAsync(new GitPushSettings(), maxAttempts: 1))!;

        Assert.That(failure.Attempts, Is.EqualTo(1));
        Assert.That(failure.Message, Does.Contain("rejected 1 times"));
    }

    [Test]
    public async Task Fetch_brings_new_commits_and_tags()
    {
        var reader = await remote.CloneAsync();
        var writer = await remote.CloneAsync();
        var head = await writer.CommitFileAsync("n.txt", "n", "feat: new");
        await writer.TagAsync("v2.0.0", "Release 2.0.0");
        await writer.GitAsync(["push", "-q", "--follow-tags", "origin", "main"]);

        await new GitRepository(reader.Path).FetchAsync(new GitFetchSettings { Tags = true });

        Assert.That(await reader.GitAsync(["rev-parse", "origin/main"]), Is.EqualTo(head));
        Assert.That(await reader.GitAsync(["tag", "--list"]), Is.EqualTo("v2.0.0"));
    }
}
