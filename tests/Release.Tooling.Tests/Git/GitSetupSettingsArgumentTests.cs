using Release.Tooling.Git;

namespace Release.Tooling.Tests.Git;

public sealed class GitSetupSettingsArgumentTests
{
    [Test]
    public void Init_remote_add_and_config()
    {
        Assert.That(new GitInitSettings("/r") { Bare = true, InitialBranch = "trunk" }.ToArguments(),
            Is.EqualTo(new[] { "init", "--bare", "--initial-branch=trunk", "--", "/r" }));
        Assert.That(new GitInitSettings("/r") { InitialBranch = null }.ToArguments(), Is.EqualTo(new[] { "init", "--", "/r" }));
        Assert.That(new GitRemoteAddSettings("origin", "/srv/app.git") { Fetch = true }.ToArguments(),
            Is.EqualTo(new[] { "remote", "add", "--fetch", "origin", "/srv/app.git" }));
        Assert.That(new GitConfigSettings("user.name") { Value = "Bot", Scope = GitConfigScope.Global }.ToArguments(),
            Is.EqualTo(new[] { "config", "--global", "user.name", "Bot" }));
        Assert.That(new GitConfigSettings("remote.origin.fetch") { Value = "+refs/*:refs/*", Add = true }.ToArguments(),
            Is.EqualTo(new[] { "config", "--local", "--add", "remote.origin.fetch", "+refs/*:refs/*" }));
        Assert.That(new GitConfigSettings("user.email").ToArguments(), Is.EqualTo(new[] { "config", "--local", "--get", "user.email" }));
        Assert.Throws<ArgumentException>(() => new GitConfigSettings("nosection").ToArguments());
    }

    [TestCase("--upload-pack=evil")]
    [TestCase("")]
    [TestCase("two words")]
    public void Refs_that_git_would_misread_are_rejected_naming_the_parameter(string badRef)
    {
        var failure = Assert.Throws<ArgumentException>(() => new GitCloneSettings("src", "dst") { Branch = badRef }.ToArguments())!;

        Assert.That(failure.ParamName, Is.EqualTo("Branch"));
    }

    [Test]
    public void Depth_must_be_positive()
    {
        var failure = Assert.Throws<ArgumentOutOfRangeException>(() => new GitCloneSettings("src", "dst") { Depth = 0 }.ToArguments())!;

        Assert.That(failure.ParamName, Is.EqualTo("Depth"));
    }
}
