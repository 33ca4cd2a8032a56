using Release.Tooling.Git;

namespace Release.Tooling.Tests.Git;

public sealed class GitSettingsArgumentTests
{
    private static readonly GitIdentity Bot = new("Release Bot", "bot@example.com")
    {
        Date = new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.FromHours(1)),
    };

    [Test]
    public void Clone_with_every_option()
    {
        var settings = new GitCloneSettings("https://git.example.com/app.git", "/tmp/app")
        {
            Branch = "release/1.2", Depth = 5, SingleBranch = false, Bare = true, NoTags = true,
        };

        Assert.That(settings.ToArguments(), Is.EqualTo(new[]
        {
            "clone", "--branch", "release/1.2", "--depth=5", "--no-single-branch", "--bare", "--no-tags",
            "--", "https://git.example.com/app.git", "/tmp/app",
        }));
        Assert.That(new GitCloneSettings("src", "dst") { SingleBranch = true }.ToArguments(),
            Is.EqualTo(new[] { "clone", "--single-branch", "--", "src", "dst" }));
    }

    [Test]
    public void Fetch_with_every_option()
    {
        var settings = new GitFetchSettings
        {
            Remote = "upstream", RefSpecs = ["main", "refs/tags/v1:refs/tags/v1"], Depth = 1, Unshallow = true,
            Tags = true, Prune = true, Force = true,
        };

        Assert.That(settings.ToArguments(), Is.EqualTo(new[]
        {
            "fetch", "--depth=1", "--unshallow", "--tags", "--prune", "--force", "upstream", "main", "refs/tags/v1:refs/tags/v1",
        }));
        Assert.That(new GitFetchSettings().ToArguments(), Is.EqualTo(new[] { "fetch", "origin" }));
    }

    [Test]
    public void Checkout_with_every_option()
    {
        Assert.That(new GitCheckoutSettings("v1.0.0") { Force = true, Detach = true }.ToArguments(),
            Is.EqualTo(new[] { "checkout", "--force", "--detach", "v1.0.0", "--" }));
        Assert.That(new GitCheckoutSettings("main") { NewBranch = "feature/x" }.ToArguments(),
            Is.EqualTo(new[] { "checkout", "-b", "feature/x", "main", "--" }));
    }

    [Test]
    public void RevParse_with_every_option()
    {
        Assert.That(new GitRevParseSettings("HEAD") { Short = 8 }.ToArguments(),
            Is.EqualTo(new[] { "rev-parse", "--verify", "--short=8", "HEAD" }));
        Assert.That(new GitRevParseSettings("HEAD") { AbbrevRef = true }.ToArguments(),
            Is.EqualTo(new[] { "rev-parse", "--verify", "--abbrev-ref", "HEAD" }));
    }

    [Test]
    public void Describe_with_every_option()
    {
        var settings = new GitDescribeSettings
        {
            Revision = "HEAD~1", Tags = true, Long = true, Abbrev = 7, Match = ["v*"], Exclude = ["*-rc*"],
            Always = true, FirstParent = true,
        };

        Assert.That(settings.ToArguments(), Is.EqualTo(new[]
        {
            "describe", "--tags", "--long", "--abbrev=7", "--match=v*", "--exclude=*-rc*", "--always", "--first-parent", "HEAD~1",
        }));
        Assert.That(new GitDescribeSettings { Dirty = true }.ToArguments(), Is.EqualTo(new[] { "describe", "--dirty" }));
        Assert.Throws<ArgumentException>(() => new GitDescribeSettings { Dirty = true, Revision = "HEAD" }.ToArguments());
    }

    [Test]
    public void Tag_list_with_every_option()
    {
        var settings = new GitTagListSettings
        {
            PointsAt = "HEAD", Contains = "abc123", Merged = "main", Sort = "-v:refname", Patterns = ["v*", "release-*"],
        };

        Assert.That(settings.ToArguments(), Is.EqualTo(new[]
        {
            "tag", "--list", "--points-at=HEAD", "--contains=abc123", "--merged=main", "--sort=-v:refname", "v*", "release-*",
        }));
    }

    [Test]
    public void Log_with_range_and_every_option()
    {
        var settings = new GitLogSettings
        {
            From = "v1.0.0", To = "main", MaxCount = 50, FirstParent = true, NoMerges = true, Paths = ["src", "docs"],
        };

        Assert.That(settings.ToArguments(), Is.EqualTo(new[]
        {
            "log", GitLogFormat.FormatArgument, "--max-count=50", "--first-parent", "--no-merges", "v1.0.0..main", "--", "src", "docs",
        }));
        Assert.That(new GitLogSettings().ToArguments(), Is.EqualTo(new[] { "log", GitLogFormat.FormatArgument, "HEAD", "--" }));
    }

    [Test]
    public void Tag_annotated_lightweight_and_tagger()
    {
        var annotated = new GitTagSettings("v2.0.0") { Message = "Release 2.0.0", Target = "abc123", Force = true, Tagger = Bot };

        Assert.That(annotated.ToArguments(), Is.EqualTo(new[]
        {
            "tag", "--annotate", "--message=Release 2.0.0", "--force", "v2.0.0", "abc123",
        }));
        Assert.That(annotated.ToEnvironment(), Is.EquivalentTo(new Dictionary<string, string?>
        {
            ["GIT_COMMITTER_NAME"] = "Release Bot", ["GIT_COMMITTER_EMAIL"] = "bot@example.com",
            ["GIT_COMMITTER_DATE"] = "2025-03-04T05:06:07+01:00",
        }));
        Assert.That(new GitTagSettings("v2").ToArguments(), Is.EqualTo(new[] { "tag", "v2" }));
        Assert.That(new GitTagSettings("v2").ToEnvironment(), Is.Empty);
    }

    [Test]
    public void Add_paths_or_all()
    {
        Assert.That(new GitAddSettings { Paths = ["a.txt", "-odd-name"] }.ToArguments(),
            Is.EqualTo(new[] { "add", "--", "a.txt", "-odd-name" }));
        Assert.That(new GitAddSettings { All = true }.ToArguments(), Is.EqualTo(new[] { "add", "--all", "--" }));
        Assert.Throws<ArgumentException>(() => new GitAddSettings().ToArguments());
    }

    [Test]
    public void Commit_with_author_committer_and_flags()
    {
        var settings = new GitCommitSettings("chore: bump to 1.2.3\n\nBody")
        {
            Author = Bot, Committer = Bot with { Name = "CI", Date = null }, All = true, AllowEmpty = true, Amend = true, NoVerify = true,
        };

        Assert.That(settings.ToArguments(), Is.EqualTo(new[]
        {
            "commit", "--message=chore: bump to 1.2.3\n\nBody", "--author=Release Bot <bot@example.com>",
            "--date=2025-03-04T05:06:07+01:00", "--all", "--allow-empty", "--amend", "--no-verify",
        }));
        Assert.That(settings.ToEnvironment(), Is.EquivalentTo(new Dictionary<string, string?>
        {
            ["GIT_COMMITTER_NAME"] = "CI", ["GIT_COMMITTER_EMAIL"] = "bot@example.com",
        }));
        Assert.Throws<ArgumentException>(() => new GitCommitSettings(" ").ToArguments());
        Assert.Throws<ArgumentException>(() => new GitCommitSettings("x") { Author = new GitIdentity("A <b>", "a@b") }.ToArguments());
    }

    [Test]
    public void Push_with_every_option()
    {
        var settings = new GitPushSettings
        {
            Remote = "upstream", RefSpecs = ["HEAD:refs/heads/main"], SetUpstream = true, FollowTags = true, Tags = true,
            ForceWithLease = true, Atomic = true,
        };

        Assert.That(settings.ToArguments(), Is.EqualTo(new[]
        {
            "push", "--set-upstream", "--follow-tags", "--tags", "--force-with-lease", "--atomic", "upstream", "HEAD:refs/heads/main",
        }));
        Assert.That(new GitPushSettings().ToArguments(), Is.EqualTo(new[] { "push", "origin" }));
    }
}
