using Release.SemVer;
using Release.Testing.Git;
using Release.Tooling.Git;

namespace Release.Tooling.Tests.Git;

/// <summary>
/// The in-process history reader (libgit2) reads what the git CLI reads: the same commits with the same fields, the
/// same reachable tags, the same files at a commit. Each test builds a real repository with the git CLI.
/// </summary>
public sealed class GitHistoryTests
{
    private static readonly GitAuthor Alice = new("Alice Example", "alice@example.com");
    private static readonly DateTimeOffset Day1 = new(2024, 5, 1, 10, 0, 0, TimeSpan.FromHours(2));

    private TempGitRepository temp = null!;

    [SetUp]
    public async Task CreateAsync() => temp = await TempGitRepository.CreateAsync();

    [TearDown]
    public void Delete() => temp.Dispose();

    [Test]
    public async Task Commits_since_a_tag_equal_what_git_log_lists()
    {
        await temp.CommitAsync("feat: first");
        await temp.TagAsync("v1.0.0", "Release 1.0.0");
        await temp.CommitAsync("fix(api): handle nulls\n\nLonger explanation.\n\nRefs: #12\nCo-authored-by: Bob <bob@example.com>", Alice, Day1);
        await temp.CommitAsync("feat!: new config\nformat on two lines\n\n\nBREAKING CHANGE: settings.json moved\n", Alice, Day1.AddDays(1));
        await temp.CommitAsync("chore: no body");

        var cli = await new GitRepository(temp.Path).LogAsync(new GitLogSettings { From = "v1.0.0" });
        using var history = GitHistory.Open(temp.Path);
        var inProcess = history.Commits("v1.0.0", "HEAD");

        Assert.That(inProcess, Has.Count.EqualTo(3));
        Assert.That(inProcess.Select(Fields), Is.EqualTo(cli.Select(Fields)));
        Assert.That(inProcess[1].Subject, Is.EqualTo("feat!: new config format on two lines"));
        Assert.That(history.ReadCommit("HEAD~2").Author, Is.EqualTo(new GitIdentity(Alice.Name, Alice.Email) { Date = Day1 }));
    }

    [Test]
    public async Task Reachable_tags_and_tags_at_a_commit_equal_the_git_tag_listing()
    {
        await temp.CommitAsync("feat: one");
        await temp.TagAsync("v1.0.0", "annotated");
        await temp.CommitAsync("feat: two");
        await temp.TagAsync("v1.1.0-rc.1");
        await temp.TagAsync("deployed-prod");
        await temp.CreateBranchAsync("side");
        await temp.CommitAsync("feat: on the side");
        await temp.TagAsync("v9.0.0");
        await temp.CheckoutAsync("main");
        await temp.CommitAsync("fix: three");
        var repository = new GitRepository(temp.Path);

        using var history = GitHistory.Open(temp.Path);

        Assert.That(history.TagsReachableFrom("HEAD"), Is.EqualTo(await repository.ListTagsAsync(new GitTagListSettings { Merged = "HEAD" })));
        Assert.That(history.TagsReachableFrom("HEAD"), Is.EqualTo(new[] { "deployed-prod", "v1.0.0", "v1.1.0-rc.1" }));
        Assert.That(history.TagsAt("HEAD~1"), Is.EqualTo(new[] { "deployed-prod", "v1.1.0-rc.1" }));
        Assert.That(history.CurrentBranch, Is.EqualTo("main"));
        Assert.That(history.ShortHash("HEAD"), Is.EqualTo(await repository.RevParseAsync(new GitRevParseSettings("HEAD") { Short = 7 })));
        Assert.That(history.Contains("HEAD", "v1.0.0"), Is.True);
        Assert.That(history.Contains("HEAD", "v9.0.0"), Is.False);
    }

    [Test]
    public async Task The_release_tag_history_starts_at_the_newest_stable_tag_below_a_limit()
    {
        await temp.CommitAsync("feat: one");
        await temp.TagAsync("v1.0.0");
        await temp.CommitAsync("feat: two");
        await temp.TagAsync("1.1.0+build.5"); // build metadata: not a release tag
        await temp.TagAsync("v1.1.0-rc.1");
        await temp.CommitAsync("fix: three");
        await temp.TagAsync("v1.1.0", "Release 1.1.0");

        using var history = GitHistory.Open(temp.Path);
        var all = ReleaseTagHistory.Read(history, "HEAD");
        var belowOwnTag = ReleaseTagHistory.Read(history, "HEAD", below: SemanticVersion.Parse("1.1.0"));

        Assert.That(all.Tags.Select(t => t.Name), Is.EqualTo(new[] { "v1.0.0", "v1.1.0", "v1.1.0-rc.1" }));
        Assert.That(all.LastStable?.Name, Is.EqualTo("v1.1.0"));
        Assert.That(all.Commits, Is.Empty);
        Assert.That(belowOwnTag.LastStable?.Name, Is.EqualTo("v1.0.0"));
        Assert.That(belowOwnTag.Commits.Select(c => c.Subject), Is.EqualTo(new[] { "fix: three", "feat: two" }));
    }

    [Test]
    public async Task A_files_history_lists_each_commit_that_changed_it_oldest_first_with_its_text()
    {
        var first = await temp.CommitFileAsync("records/r.json", "{\"v\":1}\n", "record one");
        await temp.CommitFileAsync("other.txt", "x", "unrelated");
        var second = await temp.CommitFileAsync("records/r.json", "{\"v\":2}\n", "record two");
        await temp.GitAsync(["rm", "-q", "records/r.json"]);
        await temp.CommitAsync("drop it");
        var dropped = await temp.HeadAsync();

        using var history = GitHistory.Open(temp.Path);
        var cli = (await temp.GitAsync(["log", "--format=%H", "--reverse", "--", "records/r.json"])).Split('\n');

        Assert.That(history.CommitsChanging("records/r.json"), Is.EqualTo(cli));
        Assert.That(history.CommitsChanging("records/r.json"), Is.EqualTo(new[] { first, second, dropped }));
        Assert.That(history.FileAt(second, "records/r.json"), Is.EqualTo("{\"v\":2}\n"));
        Assert.That(history.FileAt(dropped, "records/r.json"), Is.Null);
    }

    [Test]
    public void A_folder_without_a_repository_and_an_unknown_revision_are_named()
    {
        var folder = Directory.CreateTempSubdirectory("release-no-git-");
        try
        {
            var e = Assert.Throws<GitRepositoryNotFoundException>(() => GitHistory.Open(folder.FullName));
            Assert.That(e!.Message, Does.Contain(folder.FullName));
        }
        finally { folder.Delete(recursive: true); }

        using var history = GitHistory.Open(temp.Path);
        var missing = Assert.Throws<GitRefNotFoundException>(() => history.Resolve("v404"));
        Assert.That(missing!.Reference, Is.EqualTo("v404"));
    }

    private static string Fields(GitCommit c) =>
        $"{c.Hash}|{string.Join(',', c.ParentHashes)}|{c.Author.Name}|{c.Author.Email}|{c.Author.Date:O}|{c.Committer.Name}|{c.Committer.Email}|{c.Committer.Date:O}|{c.Subject}|{c.Body}";
}
