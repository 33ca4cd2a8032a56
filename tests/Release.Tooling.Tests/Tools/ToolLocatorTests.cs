using Release.Testing;
using Release.Tooling.Processes;
using Release.Tooling.Tools;

namespace Release.Tooling.Tests.Tools;

public sealed class ToolLocatorTests
{
    [Test]
    public async Task Finds_an_executable_on_the_given_path()
    {
        using var folder = new TempDirectory("release-path");
        var script = folder.WriteFile("release-fake-tool", "#!/bin/sh\necho fake\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var found = await new ToolLocator($"/nonexistent:{folder.Path}").FindAsync(new ToolInfo("release-fake-tool", "", "n/a"));

        Assert.That(found, Is.EqualTo(script));
    }

    [Test]
    public async Task Skips_files_that_are_not_executable()
    {
        using var folder = new TempDirectory("release-path");
        folder.WriteFile("release-plain-file", "not a program");

        Assert.That(await new ToolLocator(folder.Path).TryFindAsync(new ToolInfo("release-plain-file", "", "n/a")), Is.Null);
    }

    [Test]
    public void A_missing_tool_names_the_tool_and_the_install_command()
    {
        var failure = Assert.ThrowsAsync<ToolNotFoundException>(() => new ToolLocator("/nonexistent").FindAsync(KnownTools.Skopeo))!;

        Assert.That(failure.Tool, Is.EqualTo("skopeo"));
        Assert.That(failure.InstallHint, Is.EqualTo(KnownTools.Skopeo.InstallHint));
        Assert.That(failure.Message, Does.Contain("'skopeo' was not found").And.Contain("apt-get install -y --no-install-recommends skopeo"));
    }

    [Test]
    public void Known_tools_without_a_debian_package_say_where_to_get_them()
    {
        Assert.That(KnownTools.Helm.HasDebianPackage, Is.False);
        Assert.That(KnownTools.Helm.InstallHint, Does.Contain("helm.sh"));
        Assert.That(KnownTools.DockerRegistry.DebianPackage, Is.EqualTo("docker-registry"));
        Assert.That(KnownTools.FindByExecutable("runc"), Is.SameAs(KnownTools.Runc));
        Assert.That(KnownTools.All.Select(t => t.Executable), Is.Unique);
    }
}
