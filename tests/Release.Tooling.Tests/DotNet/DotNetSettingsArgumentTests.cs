using Release.Tooling.DotNet;

namespace Release.Tooling.Tests.DotNet;

public sealed class DotNetSettingsArgumentTests
{
    private static readonly Dictionary<string, string> Props = new() { ["Version"] = "1.2.3", ["ContinuousIntegrationBuild"] = "true" };

    [Test]
    public void Restore_with_every_option()
    {
        var settings = new DotNetRestoreSettings
        {
            Project = "App.sln", Sources = ["/feed", "https://nuget.example.com/v3/index.json"], ConfigFile = "nuget.config",
            PackagesDirectory = "/cache", Runtime = "linux-x64", LockedMode = true, Verbosity = DotNetVerbosity.Minimal, Properties = Props,
        };

        Assert.That(settings.ToArguments(), Is.EqualTo(new[]
        {
            "restore", "App.sln", "--source", "/feed", "--source", "https://nuget.example.com/v3/index.json", "--configfile", "nuget.config",
            "--packages", "/cache", "--runtime", "linux-x64", "--locked-mode", "--verbosity", "minimal",
            "-p:ContinuousIntegrationBuild=true", "-p:Version=1.2.3",
        }));
        Assert.That(new DotNetRestoreSettings().ToArguments(), Is.EqualTo(new[] { "restore" }));
    }

    [Test]
    public void Build_with_every_option()
    {
        var settings = new DotNetBuildSettings
        {
            Project = "src/App/App.csproj", Configuration = "Release", Output = "/out", Framework = "net10.0", Runtime = "linux-x64",
            NoRestore = true, NoIncremental = true, Verbosity = DotNetVerbosity.Quiet, Properties = Props,
        };

        Assert.That(settings.ToArguments(), Is.EqualTo(new[]
        {
            "build", "src/App/App.csproj", "--configuration", "Release", "--output", "/out", "--framework", "net10.0",
            "--runtime", "linux-x64", "--no-restore", "--no-incremental", "--verbosity", "quiet",
            "-p:ContinuousIntegrationBuild=true", "-p:Version=1.2.3",
        }));
    }

    [Test]
    public void Test_with_trx_logger_coverage_settings_and_filter()
    {
        var settings = new DotNetTestSettings
        {
            Project = "tests/App.Tests", Configuration = "Release", Framework = "net10.0", ResultsDirectory = "/results",
            Loggers = ["trx;LogFileName=unit.trx", "console;verbosity=normal"], Collectors = [DotNetTestSettings.CodeCoverageCollector],
            SettingsFile = "coverage.runsettings", Filter = "Category!=Integration", NoBuild = true, NoRestore = true,
            Verbosity = DotNetVerbosity.Normal, Properties = new Dictionary<string, string> { ["CollectCoverage"] = "true" },
        };

        Assert.That(settings.ToArguments(), Is.EqualTo(new[]
        {
            "test", "tests/App.Tests", "--configuration", "Release", "--framework", "net10.0", "--results-directory", "/results",
            "--logger", "trx;LogFileName=unit.trx", "--logger", "console;verbosity=normal", "--collect", "XPlat Code Coverage",
            "--settings", "coverage.runsettings", "--filter", "Category!=Integration", "--no-build", "--no-restore",
            "--verbosity", "normal", "-p:CollectCoverage=true",
        }));
    }

    [Test]
    public void Publish_with_every_option()
    {
        var settings = new DotNetPublishSettings
        {
            Project = "src/App", Configuration = "Release", Output = "/publish", Framework = "net10.0", Runtime = "linux-x64",
            SelfContained = true, NoBuild = true, NoRestore = true, Verbosity = DotNetVerbosity.Detailed,
            Properties = new Dictionary<string, string> { ["ContainerImageTags"] = "1.0.0;latest", ["ContainerRepository"] = "apps/app" },
        };

        Assert.That(settings.ToArguments(), Is.EqualTo(new[]
        {
            "publish", "src/App", "--configuration", "Release", "--output", "/publish", "--framework", "net10.0",
            "--runtime", "linux-x64", "--self-contained", "--no-build", "--no-restore", "--verbosity", "detailed",
            "-p:ContainerImageTags=\"1.0.0;latest\"", "-p:ContainerRepository=apps/app",
        }));
        Assert.That(new DotNetPublishSettings { SelfContained = false }.ToArguments(), Is.EqualTo(new[] { "publish", "--no-self-contained" }));
    }

    [Test]
    public void Property_values_are_quoted_only_when_msbuild_would_split_them()
    {
        Assert.That(MsBuildProperty.Format("A", "x y"), Is.EqualTo("-p:A=x y"));
        Assert.That(MsBuildProperty.Format("A", "a,b"), Is.EqualTo("-p:A=\"a,b\""));
        Assert.That(MsBuildProperty.Format("A", "say \"hi\""), Is.EqualTo("-p:A=say %22hi%22"));
        Assert.That(MsBuildProperty.Format("A", ""), Is.EqualTo("-p:A="));
    }

    [Test]
    public void A_bad_property_name_or_empty_option_is_rejected_with_the_place()
    {
        var badName = Assert.Throws<ArgumentException>(() =>
            new DotNetBuildSettings { Properties = new Dictionary<string, string> { ["My Prop"] = "x" } }.ToArguments())!;
        var emptyOption = Assert.Throws<ArgumentException>(() => new DotNetBuildSettings { Configuration = "" }.ToArguments())!;

        Assert.That(badName.Message, Does.Contain("'My Prop'").And.Contain("Properties"));
        Assert.That(emptyOption.Message, Does.Contain("--configuration"));
    }
}
