using Release.Process.Versioning;
using Release.SemVer;

namespace Release.Process.Tests.Versioning;

public class VersionCalculatorTests
{
    private static readonly IReadOnlyList<SemanticVersion> Tags = [SemanticVersion.Parse("1.2.0"), SemanticVersion.Parse("1.2.1"), SemanticVersion.Parse("1.3.0-beta.4")];

    private static ConventionalCommit[] Commits(params string[] messages) =>
        messages.Select((m, i) => ConventionalCommitParser.ParseOrOther(m, $"abcdef{i}")).ToArray();

    private static CalculatedVersion Calculate(string branch, ConventionalCommit[] commits, int? height = null, ReleaseType? type = null, BranchModel? model = null) =>
        new VersionCalculator(model).Calculate(new VersionInput(Tags, commits, branch, height ?? commits.Length, "0156133", type));

    [TestCase("fix: a", "1.2.2")]
    [TestCase("perf: a", "1.2.2")]
    [TestCase("feat: a", "1.3.0")]
    [TestCase("feat!: a", "2.0.0")]
    [TestCase("fix: a\n\nBREAKING CHANGE: b", "2.0.0")]
    [TestCase("chore: a", "1.2.2")]
    public void Stable_bump_follows_the_strongest_commit(string message, string expected)
    {
        var result = Calculate("main", Commits("docs: x", message));
        Assert.That(result.Version.ToString(), Is.EqualTo(expected));
        Assert.That(result.BaseVersion.ToString(), Is.EqualTo("1.2.1"), "pre-release tags are not a base");
    }

    [Test]
    public void Pre_release_branches_append_label_and_height()
    {
        Assert.That(Calculate("develop", Commits("feat: a", "fix: b"), height: 5).Version.ToString(), Is.EqualTo("1.3.0-alpha.5"));
        Assert.That(Calculate("release/1.3", Commits("feat: a"), height: 3).Version.ToString(), Is.EqualTo("1.3.0-beta.3"));
        Assert.That(Calculate("feature/x", Commits("fix: a")).Version.ToString(), Is.EqualTo("1.2.2-alpha.feature-x.1"));
    }

    [Test]
    public void Higher_height_sorts_higher_on_the_same_branch()
    {
        var five = Calculate("develop", Commits("feat: a"), height: 5).Version;
        var ten = Calculate("develop", Commits("feat: a"), height: 10).Version;
        Assert.That(ten > five, Is.True);
        Assert.That(five < Calculate("main", Commits("feat: a")).Version, Is.True);
    }

    [Test]
    public void No_tags_start_from_zero()
    {
        var result = new VersionCalculator().Calculate(new VersionInput([], Commits("feat: first"), "main", 1, "abcdef1"));
        Assert.That(result.Version.ToString(), Is.EqualTo("0.1.0"));
    }

    [Test]
    public void The_tagged_commit_on_a_stable_branch_is_the_release_itself()
    {
        var result = Calculate("main", [], height: 0);
        Assert.That(result.Version.ToString(), Is.EqualTo("1.2.1"));
        Assert.That(result.Bump, Is.EqualTo(VersionBump.None));
    }

    [TestCase(ReleaseType.Feature, "1.3.0")]
    [TestCase(ReleaseType.EmergencyFix, "1.2.2")]
    [TestCase(ReleaseType.Patch, "1.2.2")]
    [TestCase(ReleaseType.Breaking, "2.0.0")]
    public void Explicit_release_type_sets_the_bump(ReleaseType type, string expected)
    {
        Assert.That(Calculate("main", Commits("fix: a"), type: type).Version.ToString(), Is.EqualTo(expected));
    }

    [Test]
    public void Explicit_release_type_cannot_hide_a_breaking_change()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Calculate("main", Commits("feat(api)!: drop v1"), type: ReleaseType.EmergencyFix));
        Assert.That(error!.Message, Does.Contain("EmergencyFix").And.Contain("drop v1").And.Contain("Major"));
    }

    [Test]
    public void Hotfix_line_allows_only_patches()
    {
        Assert.That(Calculate("hotfix/db", Commits("fix: a")).Version.ToString(), Is.EqualTo("1.2.2"));
        var error = Assert.Throws<InvalidOperationException>(() => Calculate("hotfix/db", Commits("feat: sneaky")));
        Assert.That(error!.Message, Does.Contain("hotfix/db").And.Contain("patch line").And.Contain("sneaky"));
    }

    [Test]
    public void Invalid_input_is_refused_with_the_field_named()
    {
        var calculator = new VersionCalculator();
        var badSha = Assert.Throws<ArgumentException>(() => calculator.Calculate(new VersionInput(Tags, [], "main", 0, "xyz")));
        Assert.That(badSha!.Message, Does.Contain("VersionInput.ShortSha"));
        var badHeight = Assert.Throws<ArgumentException>(() => calculator.Calculate(new VersionInput(Tags, [], "main", -1, "abcdef1")));
        Assert.That(badHeight!.Message, Does.Contain("VersionInput.Height"));
        var inconsistent = Assert.Throws<ArgumentException>(() => calculator.Calculate(new VersionInput(Tags, Commits("fix: a"), "main", 0, "abcdef1")));
        Assert.That(inconsistent!.Message, Does.Contain("Height is 0"));
    }

    [Test]
    public void Trunk_based_model_can_be_chosen()
    {
        var result = Calculate("develop", Commits("feat: a"), model: BranchModel.TrunkBased());
        Assert.That(result.Version.ToString(), Is.EqualTo("1.3.0-alpha.develop.1"));
    }
}
