using Release.Testing.Git;
using Release.Tooling.Git;

namespace Release.Tooling.Tests.Git;

public sealed class GitRepositoryHistoryTests
{
    private static readonly GitAuthor Alice = new("Alice Example", "alice@example.com");
    private static readonly DateTimeOffset Day1 = new(2024, 5, 1, 10, 0, 0, TimeSpan.FromHours(2));

    private TempGitRepository temp = null!;
    private GitRepository repository = null!;

    [SetUp]
    public async Task CreateAsync()
    {
        temp = await TempGitRepository.CreateAsync();
        repository = new GitRepository(temp.Path);
    }

    [TearDown]
    public void Delete() => temp.Dispose();

    [Test]
    public async Task Log_between_refs_reads_author_date_subject_and_body()
    {
        await temp.CommitAsync("feat: first");
        await temp.TagAsync("v1.0.0", "Release 1.0.0");
        await temp.CommitAsync("fix(api): handle nulls\n\nLonger explanation.\n\nRefs: #12", Alice, Day1);
        await temp.CommitAsync("feat!: new config format\n\nBREAKING CHANGE: settings.json moved", Alice, Day1.AddDays(1));

        var commits = await repository.LogAsync(new GitLogSettings { From = "v1.0.0" });

        Assert.That(commits.Select(c => c.Subject), Is.EqualTo(new[] { "feat!: new config format", "fix(api): handle nulls" }));
        Assert.That(commits[1].Body, Is.EqualTo("Longer explanation.\n\nRefs: #12"));
        Assert.That(commits[0].Body, Is.EqualTo("BREAKING CHANGE: settings.json moved"));
        Assert.That(commits[1].Author, Is.EqualTo(new GitIdentity(Alice.Name, Alice.Email) { Date = Day1 }));
        Assert.That(commits[0].ParentHashes, Is.EqualTo(new[] { commits[1].Hash }));
        Assert.That(commits[1].Hash, Is.EqualTo(await temp.GitAsync(["rev-parse", "HEAD~1"])));
    }

    [Test]
    public async Task Commit_records_the_given_author_and_committer()
    {
        temp.WriteFile("version.txt", "1.2.3");
        var author = new GitIdentity("Dev One", "dev1@example.com") { Date = Day1 };
        var committer = new GitIdentity("Release Bot", "bot@example.com") { Date = Day1.AddHours(3) };

        await repository.AddAsync(new GitAddSettings { Paths = ["version.txt"] });
        var hash = await repository.CommitAsync(new GitCommitSettings("chore: bump to 1.2.3") { Author = author, Committer = committer });

        var commit = await repository.GetCommitAsync(hash);
        Assert.That(commit.Author, Is.EqualTo(author));
        Assert.That(commit.Committer, Is.EqualTo(committer));
        Assert.That(await temp.GitAsync(["show", "--format=", "--name-only", hash]), Is.EqualTo("version.txt"));
    }

    [Test]
    public async Task Annotated_tags_point_at_head_and_describe_counts_commits_since()
    {
        await temp.CommitAsync("feat: one");
        var tagger = new GitIdentity("Release Bot", "bot@example.com") { Date = Day1 };
        await repository.TagAsync(new GitTagSettings("v1.2.0") { Message = "Release 1.2.0", Tagger = tagger });
        await repository.TagAsync(new GitTagSettings("latest"));

        Assert.That(await repository.TagsAtHeadAsync(), Is.EquivalentTo(new[] { "v1.2.0", "latest" }));
        Assert.That(await temp.GitAsync(["cat-file", "-t", "v1.2.0"]), Is.EqualTo("tag"));
        Assert.That(await temp.GitAsync(["for-each-ref", "--format=%(taggername) %(taggeremail) %(contents:subject)", "refs/tags/v1.2.0"]),
            Is.EqualTo("Release Bot <bot@example.com> Release 1.2.0"));
        Assert.That(await repository.DescribeAsync(new GitDescribeSettings()), Is.EqualTo("v1.2.0"));

        await temp.CommitAsync("fix: two");
        await temp.CommitAsync("fix: three");
        var head = await repository.RevParseAsync(new GitRevParseSettings("HEAD") { Short = 7 });

        Assert.That(await repository.TagsAtHeadAsync(), Is.Empty);
        Assert.That(await repository.DescribeAsync(new GitDescribeSettings { Abbrev = 7, Match = ["v*"] }), Is.EqualTo($"v1.2.0-2-g{head}"));
        Assert.That(await repository.ListTagsAsync(new GitTagListSettings { Patterns = ["v*"] }), Is.EqualTo(new[] { "v1.2.0" }));
    }

    [Test]
    public async Task Describe_without_any_tag_is_null()
    {
        await temp.CommitAsync("feat: untagged");

        Assert.That(await repository.DescribeAsync(new GitDescribeSettings()), Is.Null);
    }

    [Test]
    public async Task Rev_parse_of_an_annotated_tag_gives_the_commit()
    {
        var commit = await temp.CommitAsync("feat: tagged");
        await temp.TagAsync("v3.0.0", "annotated");

        Assert.That(await repository.RevParseAsync("v3.0.0"), Is.EqualTo(commit));
    }

    [Test]
    public async Task Checkout_branches_and_current_branch()
    {
        await temp.CommitAsync("feat: base");
        await temp.TagAsync("v0.1.0");

        await repository.CheckoutAsync(new GitCheckoutSettings("main") { NewBranch = "feature/login" });
        Assert.That(await repository.CurrentBranchAsync(), Is.EqualTo("feature/login"));

        await repository.CheckoutAsync(new GitCheckoutSettings("v0.1.0"));
        Assert.That(await repository.CurrentBranchAsync(), Is.Null);
    }

    [Test]
    public async Task Config_is_written_and_read_back_and_a_missing_key_is_null()
    {
        await repository.SetConfigAsync(new GitConfigSettings("release.channel") { Value = "stable" });

        Assert.That(await repository.GetConfigAsync(new GitConfigSettings("release.channel")), Is.EqualTo("stable"));
        Assert.That(await temp.GitAsync(["config", "--local", "release.channel"]), Is.EqualTo("stable"));
        Assert.That(await repository.GetConfigAsync(new GitConfigSettings("release.missing")), Is.Null);
    }

    [Test]
    public async Task An_unknown_revision_is_named_with_the_repository()
    {
        await temp.CommitAsync("feat: base");

        var checkout = Assert.ThrowsAsync<GitRefNotFoundException>(() => repository.CheckoutAsync(new GitCheckoutSettings("no-such-branch")))!;
        var revParse = Assert.ThrowsAsync<GitRefNotFoundException>(() => repository.RevParseAsync("v9.9.9"))!;
        var log = Assert.ThrowsAsync<GitRefNotFoundException>(() => repository.LogAsync(new GitLogSettings { From = "v0.0.0" }))!;

        Assert.That(checkout.Reference, Is.EqualTo("no-such-branch"));
        Assert.That(checkout.Message, Does.Contain($"'no-such-branch' does not exist in the repository at '{temp.Path}'"));
        Assert.That(revParse.Reference, Is.EqualTo("v9.9.9"));
        Assert.That(log.Reference, Is.EqualTo("v0.0.0..HEAD"));
    }

    [Test]
    public void A_folder_that_is_not_a_repository_is_named_with_the_fix()
    {
        using var plain = new Release.Testing.TempDirectory();

        var failure = Assert.ThrowsAsync<GitRepositoryNotFoundException>(() => new GitRepository(plain.Path).CurrentBranchAsync())!;

        Assert.That(failure.Location, Is.EqualTo(plain.Path));
        Assert.That(failure.Message, Does.Contain("is not inside a git repository").And.Contain("To fix"));
    }
}
