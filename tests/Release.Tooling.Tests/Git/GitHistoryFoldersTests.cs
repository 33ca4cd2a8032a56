using Release.Testing.Git;
using Release.Tooling.Git;

namespace Release.Tooling.Tests.Git;

/// <summary>
/// The history of some folders, read in-process: the commit that last changed them (what a module of an application
/// is versioned at) and the files that changed between two commits, as <c>git diff --name-only</c> lists them.
/// </summary>
public sealed class GitHistoryFoldersTests
{
    private TempGitRepository temp = null!;

    [SetUp]
    public async Task CreateAsync() => temp = await TempGitRepository.CreateAsync();

    [TearDown]
    public void Delete() => temp.Dispose();

    [Test]
    public async Task The_last_commit_changing_folders_skips_commits_that_touch_only_other_folders()
    {
        var first = await temp.CommitFileAsync("samples/director/a.cs", "a", "feat: director");
        var gateway = await temp.CommitFileAsync("samples/gateway/g.cs", "g", "feat: gateway");
        await temp.CommitFileAsync("samples/ledger/l.cs", "l", "feat: ledger");
        await temp.CommitFileAsync("README.md", "read me", "docs: readme");

        using var history = GitHistory.Open(temp.Path);
        Assert.That(history.LastCommitChanging(["samples/director"]), Is.EqualTo(first));
        Assert.That(history.LastCommitChanging(["samples/gateway"]), Is.EqualTo(gateway));
        Assert.That(history.LastCommitChanging(["samples/gateway", "samples/director"]), Is.EqualTo(gateway));
        Assert.That(history.LastCommitChanging(["."]), Is.EqualTo(await temp.HeadAsync()));

        var changed = await temp.CommitFileAsync("samples/director/a.cs", "a2", "fix: director");
        using var after = GitHistory.Open(temp.Path);
        Assert.That(after.LastCommitChanging(["samples/gateway", "samples/director"]), Is.EqualTo(changed), "a dependency's folder changed");
        Assert.That(after.LastCommitChanging(["samples/gateway"]), Is.EqualTo(gateway));
    }

    [Test]
    public async Task A_folder_that_did_not_exist_yet_counts_as_changed_when_it_appears()
    {
        var before = await temp.CommitFileAsync("other/x", "x", "chore: other");
        var added = await temp.CommitFileAsync("samples/new/n.cs", "n", "feat: new module");
        await temp.CommitFileAsync("other/y", "y", "chore: other again");

        using var history = GitHistory.Open(temp.Path);
        Assert.That(history.LastCommitChanging(["samples/new"]), Is.EqualTo(added));
        // Before it existed, its absence is the same back to the root commit.
        Assert.That(history.LastCommitChanging(["samples/new"], before), Is.EqualTo(before));
    }

    [Test]
    public async Task Files_changed_between_two_commits_are_those_under_the_folders_in_path_order()
    {
        var from = await temp.CommitFileAsync("samples/gateway/src/Program.cs", "v1", "feat: gateway");
        temp.WriteFile("samples/gateway/src/Program.cs", "v2");
        temp.WriteFile("samples/gateway/README.md", "new");
        temp.WriteFile("samples/director/a.cs", "not asked for");
        var to = await temp.CommitAsync("feat: more");

        using var history = GitHistory.Open(temp.Path);
        Assert.That(history.FilesChanged(from, to, ["samples/gateway"]),
            Is.EqualTo(new[] { "samples/gateway/README.md", "samples/gateway/src/Program.cs" }));
        Assert.That(history.FilesChanged(from, to, ["."]), Has.Count.EqualTo(3));
        Assert.That(history.FilesChanged(from, from, ["samples/gateway"]), Is.Empty);
    }
}
