using System.Diagnostics;
using Release.Distribution.Tests.Support;
using Release.Testing;

namespace Release.Distribution.Tests.SecondTeam;

/// <summary>
/// A second team adopts the library for real: a fresh git repository with a small module of its own, the build
/// started from the packed template package, the library restored from a local folder feed (no project reference),
/// and an upgrade by changing one version. Runs --help, Clone, UnitTest (with coverage) and GenerateCI; the image,
/// scan, chart and deployment stages need a registry and advisory data, and are tested on the sample module.
/// </summary>
[NonParallelizable]
public class SecondTeamTests
{
    private TempDirectory team = null!;
    private LibraryFeed feed = null!;

    [OneTimeSetUp]
    public async Task StartTheTeamsBuildFromTheTemplate()
    {
        feed = SharedFeed.Feed;
        await feed.EnsurePackedAsync();
        team = new TempDirectory("release-team");
        // The team's module: a library and its unit tests, in a folder of its own as a team's repository has it.
        team.WriteFile("greeter/src/Greeter/Greeter.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
            </Project>
            """);
        team.WriteFile("greeter/src/Greeter/Greeting.cs", "namespace Greeter;\n\npublic static class Greeting\n{\n    public static string For(string name) => $\"Hello, {name}\";\n}\n");
        team.WriteFile("greeter/tests/Greeter.Tests/Greeter.Tests.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><IsPackable>false</IsPackable></PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="17.14.1" />
                <PackageReference Include="NUnit" Version="4.4.0" />
                <PackageReference Include="NUnit3TestAdapter" Version="5.2.0" />
                <PackageReference Include="coverlet.collector" Version="6.0.4" />
                <ProjectReference Include="../../src/Greeter/Greeter.csproj" />
              </ItemGroup>
            </Project>
            """);
        team.WriteFile("greeter/tests/Greeter.Tests/GreetingTests.cs",
            "using NUnit.Framework;\n\nnamespace Greeter.Tests;\n\npublic class GreetingTests\n{\n    [Test]\n    public void Greets_by_name() => Assert.That(Greeting.For(\"Ann\"), Is.EqualTo(\"Hello, Ann\"));\n}\n");
        team.WriteFile("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="releasekit-local" value="{feed.Folder}" />
              </packageSources>
            </configuration>
            """);
        team.WriteFile("global.json", File.ReadAllText(Path.Combine(RepositoryRoot.Path, "global.json")));
        await Git("init", "-q", "-b", "main");
        await Git("add", "-A");
        await Git("-c", "user.name=Team", "-c", "user.email=team@example.test", "commit", "-q", "-m", "feat: greeter module");

        // A hive of its own: the machine's installed templates are neither read nor changed.
        var hive = team.Combine(".template-hive");
        await Dotnet("new", "install", feed.TemplatePackage, "--debug:custom-hive", hive);
        await Dotnet("new", "releasekit-build", "--debug:custom-hive", hive, "--module", "greeter", "--module-name", "greeter");
    }

    [OneTimeTearDown]
    public void RemoveTheTeamsRepository() => team?.Dispose();

    [Test, Order(1)]
    public void The_template_writes_the_build_referencing_packages_not_source()
    {
        var project = File.ReadAllText(team.Combine("build", "_build.csproj"));
        Assert.Multiple(() =>
        {
            Assert.That(project, Does.Contain($"<ReleaseKitVersion>{LibraryFeed.FirstVersion}</ReleaseKitVersion>"));
            Assert.That(project, Does.Contain("PackageReference Include=\"ReleaseKit.Release.Stages\""));
            Assert.That(project, Does.Not.Contain("ProjectReference"));
            Assert.That(File.ReadAllText(team.Combine(".nuke", "parameters.json")), Does.Contain("\"ModuleDirectory\": \"greeter\""));
            Assert.That(File.Exists(team.Combine("build.ps1")), Is.True);
            if (!OperatingSystem.IsWindows())
                Assert.That(File.GetUnixFileMode(team.Combine("build.sh")).HasFlag(UnixFileMode.UserExecute), Is.True, "build.sh is executable");
        });
    }

    [Test, Order(2)]
    public async Task Help_lists_the_mixed_in_stages()
    {
        var result = await BuildSh("--help");
        Assert.That(result.OutputText, Does.Contain("Usage: ./build.sh").And.Contain("UnitTest").And.Contain("Scan").And.Contain("GenerateCI"));
    }

    [Test, Order(3)]
    public async Task A_target_runs_on_the_teams_module()
    {
        await BuildSh("Clone");
        Assert.That(Directory.GetFiles(team.Combine(".nuke", "temp"), "Greeting.cs", SearchOption.AllDirectories), Is.Not.Empty,
            "Clone checked the team's repository out into the build's workspace");
    }

    [Test, Order(4)]
    public async Task UnitTest_runs_the_teams_tests_with_coverage()
    {
        var result = await BuildSh("UnitTest");
        Assert.That(result.OutputText, Does.Contain("Line coverage:"));
        Assert.That(Directory.GetFiles(team.Combine("artifacts", "unit-tests"), "*.cobertura.xml"), Is.Not.Empty);
    }

    [Test, Order(5)]
    public async Task GenerateCI_writes_both_CI_files_from_the_teams_build()
    {
        await BuildSh("GenerateCI");
        Assert.That(File.ReadAllText(team.Combine(".gitlab-ci.yml")), Does.Contain("./build.sh"));
        Assert.That(File.Exists(team.Combine("azure-pipelines.yml")), Is.True);
    }

    [Test, Order(6)]
    public async Task A_newer_library_version_is_picked_up_by_changing_one_version()
    {
        await feed.PublishNewerAsync(CancellationToken.None);
        var project = team.Combine("build", "_build.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace(LibraryFeed.FirstVersion, LibraryFeed.NewerVersion, StringComparison.Ordinal));

        var result = await BuildSh("--help");

        Assert.That(result.OutputText, Does.Contain("Compiling the build project"));
        var stages = FileVersionInfo.GetVersionInfo(team.Combine(".nuke", "temp", "bin", "Release.Stages.dll"));
        Assert.That(stages.ProductVersion, Does.StartWith(LibraryFeed.NewerVersion));
    }

    private Task<Tooling.Processes.ProcessResult> BuildSh(params string[] arguments) =>
        Shell.SucceedAsync(team.Combine("build.sh"), arguments, team.Path, feed.Environment());

    private Task Git(params string[] arguments) => Shell.SucceedAsync("git", arguments, team.Path);

    private Task Dotnet(params string[] arguments) => Shell.SucceedAsync("dotnet", arguments, team.Path, feed.Environment());
}
