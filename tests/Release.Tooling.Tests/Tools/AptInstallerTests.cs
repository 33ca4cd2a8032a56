using Release.Tooling.Tools;

namespace Release.Tooling.Tests.Tools;

public sealed class AptInstallerTests
{
    [Test]
    public async Task Knows_which_packages_are_installed()
    {
        var installer = new AptInstaller();

        Assert.That(await installer.IsInstalledAsync("git"), Is.True, "git is installed by the test set-up");
        Assert.That(await installer.IsInstalledAsync("release-no-such-package"), Is.False);
    }

    [Test]
    public async Task Does_nothing_when_everything_is_installed()
    {
        var log = new List<string>();

        await new AptInstaller(log: log.Add).EnsureInstalledAsync(["git", "git"]);

        Assert.That(log, Is.Empty, "no apt-get run (update or install) is expected for installed packages");
    }

    [Test]
    public async Task Returns_the_path_of_an_installed_tool()
    {
        Assert.That(await new AptInstaller().EnsureToolAsync(KnownTools.Git), Does.EndWith("/git"));
    }

    [Test]
    public void Rejects_names_that_are_not_debian_package_names()
    {
        var failure = Assert.ThrowsAsync<ArgumentException>(() => new AptInstaller().EnsureInstalledAsync(["git", "-o=APT::evil"]))!;

        Assert.That(failure.Message, Does.Contain("'-o=APT::evil'"));
        Assert.That(failure.ParamName, Is.EqualTo("debianPackages"));
    }

    [Test]
    public void A_tool_with_no_debian_package_cannot_be_installed_and_says_why()
    {
        var missing = new ToolInfo("release-no-such-tool", "", "download it from the vendor");

        var failure = Assert.ThrowsAsync<Release.Tooling.Processes.ToolNotFoundException>(() => new AptInstaller().EnsureToolAsync(missing))!;

        Assert.That(failure.Message, Does.Contain("download it from the vendor"));
    }
}
