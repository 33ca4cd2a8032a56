using Release.Testing.Git;
using Release.Tooling.Git;

namespace Release.Tooling.Tests.Git;

public sealed class GitCloneTests
{
    private readonly List<string> log = [];
    private GitClient client = null!;
    private TempBareRemote remote = null!;
    private Release.Testing.TempDirectory workspace = null!;

    [SetUp]
    public async Task CreateRemoteAsync()
    {
        client = new GitClient(log: log.Add);
        remote = await TempBareRemote.CreateWithCommitsAsync(3);
        workspace = new Release.Testing.TempDirectory();
        // A release branch two commits ahead of main.
        var seed = await remote.CloneAsync();
        await seed.CreateBranchAsync("release/2.0");
        await seed.CommitFileAsync("r1.txt", "r1", "fix: r1");
        await seed.CommitFileAsync("r2.txt", "r2", "fix: r2");
        await seed.GitAsync(["push", "-q", "origin", "release/2.0"]);
    }

    [TearDown]
    public void Delete()
    {
        remote.Dispose();
        workspace.Dispose();
    }

    [Test]
    public async Task Clones_a_branch_shallowly()
    {
        var repository = await client.CloneAsync(new GitCloneSettings(remote.FileUrl, workspace.Combine("app"))
        {
            Branch = "release/2.0", Depth = 2,
        });

        Assert.That(await repository.CurrentBranchAsync(), Is.EqualTo("release/2.0"));
        Assert.That(await repository.IsShallowAsync(), Is.True);
        var commits = await repository.LogAsync(new GitLogSettings());
        Assert.That(commits.Select(c => c.Subject), Is.EqualTo(new[] { "fix: r2", "fix: r1" }));
        Assert.That(await repository.RevParseAsync(), Is.EqualTo(await remote.ResolveAsync("refs/heads/release/2.0")));
        Assert.That(log, Has.Some.StartsWith("> git clone --branch release/2.0 --depth=2"));
    }

    [Test]
    public async Task Clones_the_default_branch_with_full_history()
    {
        var repository = await client.CloneAsync(new GitCloneSettings(remote.Path, workspace.Combine("full")));

        Assert.That(await repository.CurrentBranchAsync(), Is.EqualTo("main"));
        Assert.That(await repository.IsShallowAsync(), Is.False);
        Assert.That((await repository.LogAsync(new GitLogSettings())).Count, Is.EqualTo(3));
    }

    [Test]
    public async Task Clones_at_a_commit_hash_with_detached_head()
    {
        var wanted = await remote.ResolveAsync("refs/heads/main~1");

        var repository = await client.CloneAtRevisionAsync(remote.FileUrl, workspace.Combine("at"), wanted, depth: 1);

        Assert.That(await repository.RevParseAsync(), Is.EqualTo(wanted));
        Assert.That(await repository.CurrentBranchAsync(), Is.Null);
        Assert.That((await repository.LogAsync(new GitLogSettings())).Single().Subject, Is.EqualTo("feat: change 2"));
    }

    [Test]
    public void A_missing_repository_is_named_with_the_fix()
    {
        var missing = workspace.Combine("no-such-repo.git");

        var failure = Assert.ThrowsAsync<GitRepositoryNotFoundException>(
            () => client.CloneAsync(new GitCloneSettings(missing, workspace.Combine("x"))))!;

        Assert.That(failure.Location, Is.EqualTo(missing));
        Assert.That(failure.Message, Does.Contain($"No git repository at '{missing}'").And.Contain("To fix"));
    }

    [Test]
    public void A_missing_branch_is_named_with_the_url_and_the_fix()
    {
        var failure = Assert.ThrowsAsync<GitRefNotFoundException>(
            () => client.CloneAsync(new GitCloneSettings(remote.Path, workspace.Combine("x")) { Branch = "release/9.9" }))!;

        Assert.That(failure.Reference, Is.EqualTo("release/9.9"));
        Assert.That(failure.Location, Is.EqualTo(remote.Path));
        Assert.That(failure.Message, Does.Contain("'release/9.9' does not exist in").And.Contain("git ls-remote --heads"));
    }

    [Test]
    public void A_missing_revision_for_clone_at_revision_is_named()
    {
        var failure = Assert.ThrowsAsync<GitRefNotFoundException>(
            () => client.CloneAtRevisionAsync(remote.FileUrl, workspace.Combine("x"), "no-such-branch"))!;

        Assert.That(failure.Reference, Is.EqualTo("no-such-branch"));
    }

    [Test]
    public void Credentials_in_a_url_never_appear_in_errors_or_logs()
    {
        const string token = "ghp_SuperSecretToken123";
        // Port 9 (discard) on loopback refuses the connection at once: a real network failure, no server needed.
        var url = $"http://release-bot:{token}@127.0.0.1:9/team/app.git";

        var failure = Assert.ThrowsAsync<GitRepositoryNotFoundException>(
            () => client.CloneAsync(new GitCloneSettings(url, workspace.Combine("x"))))!;

        Assert.That(failure.ToString(), Does.Not.Contain(token));
        Assert.That(failure.Location, Is.EqualTo("http://release-bot:***@127.0.0.1:9/team/app.git"));
        Assert.That(string.Join('\n', log), Does.Not.Contain(token).And.Contain("***"));
    }

    [Test]
    public async Task Init_creates_bare_and_working_repositories()
    {
        var bare = await client.InitAsync(new GitInitSettings(workspace.Combine("bare.git")) { Bare = true });
        var work = await client.InitAsync(new GitInitSettings(workspace.Combine("work")) { InitialBranch = "trunk" });

        Assert.That(File.Exists(Path.Combine(bare.Path, "HEAD")), Is.True);
        Assert.That(Directory.Exists(Path.Combine(work.Path, ".git")), Is.True);
        Assert.That(await File.ReadAllTextAsync(Path.Combine(work.Path, ".git", "HEAD")), Is.EqualTo("ref: refs/heads/trunk\n"));
    }

    [Test]
    public async Task Reports_its_version()
    {
        Assert.That(await client.VersionAsync(), Does.Match(@"^\d+\.\d+\.\d+"));
    }
}
