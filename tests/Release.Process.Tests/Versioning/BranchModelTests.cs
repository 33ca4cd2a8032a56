using Release.Process.Versioning;
using Release.SemVer;

namespace Release.Process.Tests.Versioning;

public class BranchModelTests
{
    [TestCase("main", ReleaseChannel.Stable, "")]
    [TestCase("master", ReleaseChannel.Stable, "")]
    [TestCase("refs/heads/main", ReleaseChannel.Stable, "")]
    [TestCase("hotfix/1.3.1", ReleaseChannel.Stable, "")]
    [TestCase("release/1.4", ReleaseChannel.Beta, "beta")]
    [TestCase("develop", ReleaseChannel.Alpha, "alpha")]
    [TestCase("feature/PROJ-12_Login", ReleaseChannel.Alpha, "alpha.feature-proj-12-login")]
    public void Git_flow_maps_branches(string branch, ReleaseChannel channel, string identifiers)
    {
        var policy = BranchModel.GitFlow().Resolve(branch);
        Assert.That(policy.Channel, Is.EqualTo(channel));
        Assert.That(string.Join('.', policy.PreReleaseIdentifiers), Is.EqualTo(identifiers));
    }

    [Test]
    public void Git_flow_hotfix_is_a_patch_line()
    {
        Assert.That(BranchModel.GitFlow().Resolve("hotfix/x").IsPatchLine, Is.True);
        Assert.That(BranchModel.GitFlow().Resolve("main").IsPatchLine, Is.False);
    }

    [TestCase("main", ReleaseChannel.Stable, "")]
    [TestCase("develop", ReleaseChannel.Alpha, "alpha.develop")]
    [TestCase("release/1.4", ReleaseChannel.Alpha, "alpha.release-1-4")]
    public void Trunk_based_maps_everything_but_main_to_alpha_with_the_branch_name(string branch, ReleaseChannel channel, string identifiers)
    {
        var policy = BranchModel.TrunkBased().Resolve(branch);
        Assert.That(policy.Channel, Is.EqualTo(channel));
        Assert.That(string.Join('.', policy.PreReleaseIdentifiers), Is.EqualTo(identifiers));
    }

    [TestCase("feature/ÄÖ--x__y/", "feature-x-y")]
    [TestCase("0123", "b0123")]
    [TestCase("///", "branch")]
    [TestCase("feature/a-very-long-branch-name-that-keeps-going-and-going-forever", "feature-a-very-long-branch-name-that-kee")]
    public void Branch_names_become_valid_identifiers(string branch, string identifier)
    {
        var result = BranchNames.ToIdentifier(branch);
        Assert.That(result, Is.EqualTo(identifier));
        Assert.DoesNotThrow(() => SemanticVersion.Parse($"1.0.0-alpha.{result}.1"));
    }

    [Test]
    public void Custom_rules_are_used_in_order_and_unknown_branches_are_refused()
    {
        var model = new BranchModel("custom",
        [
            new BranchRule("trunk", ReleaseChannel.Stable, null),
            new BranchRule("rc/*", ReleaseChannel.Beta, "rc"),
        ]);
        Assert.That(model.Resolve("rc/2").PreReleaseIdentifiers, Is.EqualTo(new[] { "rc" }));
        var error = Assert.Throws<ArgumentException>(() => model.Resolve("develop"));
        Assert.That(error!.Message, Does.Contain("'develop'").And.Contain("custom").And.Contain("trunk, rc/*"));
    }

    [Test]
    public void Inconsistent_rules_are_refused_when_the_model_is_built()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            _ = new BranchModel("bad", [new BranchRule("dev", ReleaseChannel.Alpha, null)]));
        Assert.That(error!.Message, Does.Contain("'dev'").And.Contain("pre-release label"));
        Assert.Throws<ArgumentException>(() => _ = new BranchModel("bad", [new BranchRule("hotfix/*", ReleaseChannel.Beta, "beta", IsPatchLine: true)]));
        Assert.Throws<ArgumentException>(() => _ = new BranchModel("bad", [new BranchRule("main", ReleaseChannel.Stable, "rc")]));
        Assert.Throws<ArgumentException>(() => _ = new BranchModel("empty", []));
    }

    [Test]
    public void Empty_branch_is_refused()
    {
        Assert.Throws<ArgumentException>(() => BranchModel.GitFlow().Resolve(" "));
    }

    [TestCase("git-flow", "git-flow")]
    [TestCase(" GitFlow ", "git-flow")]
    [TestCase("trunk-based", "trunk-based")]
    [TestCase("TRUNK", "trunk-based")]
    public void Built_in_models_are_found_by_name_in_any_case(string name, string model) =>
        Assert.That(BranchModel.Named(name).Name, Is.EqualTo(model));

    [Test]
    public void An_unknown_model_name_lists_the_known_ones() =>
        Assert.That(Assert.Throws<ArgumentException>(() => BranchModel.Named("github-flow"))!.Message,
            Does.Contain("'github-flow' is unknown").And.Contain("git-flow").And.Contain("trunk-based"));
}
