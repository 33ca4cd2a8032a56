using Release.Helm.Cli;
using Release.Helm.Tests.Support;
using Release.Tooling.Processes;
using Release.Tooling.Tools;

namespace Release.Helm.Tests.Cli;

// No real helm exists here (and no cluster to talk to). To prove the wiring, a stand-in "helm" shell script that
// prints each argument on its own line is put on a private PATH and run through the real ProcessRunner.
[System.Runtime.Versioning.SupportedOSPlatform("linux")] // the project's machines are all Debian (FACTS.md); the stand-in is a shell script
public class HelmCliTests
{
    private TemporaryDirectory _bin = null!;

    [SetUp]
    public async Task CreateFakeHelm()
    {
        _bin = new TemporaryDirectory();
        var script = _bin.Combine("helm");
        await File.WriteAllTextAsync(script, "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [TearDown]
    public void DeleteFakeHelm() => _bin.Dispose();

    [Test]
    public async Task Upgrade_passes_the_exact_arguments_and_masks_secret_values()
    {
        var lines = new List<string>();
        var cli = new HelmCli(new ProcessRunner(), new ToolLocator(_bin.Path), lines.Add);
        var settings = new HelmUpgradeSettings("order-router", "./chart", "trading")
        {
            SetValues = [new("db.password", "hunter2") { IsSecret = true }],
        };

        var result = await cli.UpgradeInstallAsync(settings);

        Assert.That(result.Output, Is.EqualTo(HelmArguments.Upgrade(settings).Select(a => a.Replace("hunter2", "***"))));
        Assert.That(string.Join("\n", lines), Does.Not.Contain("hunter2"));
    }

    [Test]
    public async Task Rollback_and_push_run_helm()
    {
        var cli = new HelmCli(new ProcessRunner(), new ToolLocator(_bin.Path));
        Assert.That((await cli.RollbackAsync(new HelmRollbackSettings("r", "ns"))).Output[0], Is.EqualTo("rollback"));
        Assert.That((await cli.PushAsync(new HelmPushSettings("c.tgz", "oci://r/charts"))).Output, Is.EqualTo(new[] { "push", "c.tgz", "oci://r/charts" }));
    }

    [Test]
    public void Missing_helm_is_a_clear_error()
    {
        using var empty = new TemporaryDirectory();
        var cli = new HelmCli(new ProcessRunner(), new ToolLocator(empty.Path));
        var error = Assert.ThrowsAsync<ToolNotFoundException>(() => cli.RollbackAsync(new HelmRollbackSettings("r", "ns")))!;
        Assert.That(error.Message, Does.Contain("helm"));
    }

    [Test]
    public void Process_timeout_leaves_helm_its_own_timeout_first() => Assert.That(
        HelmCli.CreateSpec("/usr/bin/helm", ["version"], [], TimeSpan.FromMinutes(5), null).Timeout, Is.EqualTo(TimeSpan.FromMinutes(6)));
}
