using Release.Distribution.Tests.Support;
using Release.Testing;
using Release.Tooling.Processes;

namespace Release.Distribution.Tests.Bootstraps;

/// <summary>
/// The repository's build.ps1 under PowerShell 7, on a tiny build in a temp folder (this repository's bootstrap files,
/// a one-file build referencing the engine package from the shared feed): help, a target, a failing target's exit
/// code, and recompiling only when build/ changed.
/// </summary>
[NonParallelizable]
public class BuildPs1Tests
{
    private TempDirectory root = null!;
    private string pwsh = null!;
    private LibraryFeed feed = null!;

    [OneTimeSetUp]
    public async Task CreateTheTinyBuild()
    {
        pwsh = await PowerShell.EnsureInstalledAsync(CancellationToken.None);
        feed = SharedFeed.Feed;
        await feed.EnsurePackedAsync();
        root = new TempDirectory("release-ps1");
        foreach (var file in new[] { "build.ps1", "global.json" })
            File.Copy(Path.Combine(RepositoryRoot.Path, file), root.Combine(file));
        // build.ps1 checks these for changes, as in this repository; here they hold nothing.
        Directory.CreateDirectory(root.Combine("source"));
        root.WriteFile("Directory.Build.props", "<Project />\n");
        root.WriteFile("Directory.Packages.props", "<Project />\n");
        root.WriteFile("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration><packageSources><add key="releasekit-local" value="{feed.Folder}" /></packageSources></configuration>
            """);
        root.WriteFile("build/_build.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup><PackageReference Include="ReleaseKit.Release.Engine" Version="{LibraryFeed.FirstVersion}" /></ItemGroup>
            </Project>
            """);
        WriteBuild("Says hello");
    }

    [OneTimeTearDown]
    public void RemoveTheTinyBuild() => root?.Dispose();

    [Test, Order(1)]
    public async Task Help_compiles_the_build_and_names_build_ps1_in_the_usage_line()
    {
        var result = await Ps1(expectedExit: 0, "--help");
        Assert.That(result.OutputText, Does.Contain("Compiling the build project").And.Contain("Usage: ./build.ps1").And.Contain("Says hello"));
    }

    [Test, Order(2)]
    public async Task A_target_runs_without_compiling_again()
    {
        var result = await Ps1(expectedExit: 0, "Hello");
        Assert.That(result.OutputText, Does.Contain("hello from the tiny build").And.Not.Contain("Compiling the build project"));
    }

    [Test, Order(3)]
    public async Task A_failing_target_exits_1()
    {
        var result = await Ps1(expectedExit: 1, "Fail");
        Assert.That(result.OutputText + result.ErrorText, Does.Contain("deliberate failure"));
    }

    [Test, Order(4)]
    public async Task A_change_to_build_is_compiled_before_the_run()
    {
        WriteBuild("Says hello again, recompiled");
        var result = await Ps1(expectedExit: 0, "--help");
        Assert.That(result.OutputText, Does.Contain("Compiling the build project").And.Contain("Says hello again, recompiled"));
    }

    private void WriteBuild(string helloDescription)
    {
        var path = root.WriteFile("build/Build.cs", $$"""
            using Release.Engine;
            using Release.Engine.Hosting;

            class Build : Release.Engine.Build
            {
                public static Task<int> Main(string[] args) => BuildHost.RunConsoleAsync<Build>(args, x => x.Hello);

                Target Hello => _ => _.Description("{{helloDescription}}").Executes(() => Log.Information("hello from the tiny build"));

                Target Fail => _ => _.Description("Fails on purpose").Executes(() => throw new InvalidOperationException("deliberate failure"));
            }
            """);
        // build.ps1 compares times with its stamp (taken when its compile starts): a rewrite within the same clock tick
        // as that stamp must still count as newer.
        var stamp = root.Combine(".nuke", "temp", "build.stamp");
        if (File.Exists(stamp) && File.GetLastWriteTimeUtc(path) <= File.GetLastWriteTimeUtc(stamp))
            File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(stamp).AddSeconds(1));
    }

    private async Task<ProcessResult> Ps1(int expectedExit, params string[] arguments)
    {
        string[] all = ["-NoProfile", "-NonInteractive", "-File", root.Combine("build.ps1"), .. arguments];
        var result = await Shell.RunAsync(pwsh, all, root.Path, feed.Environment());
        Assert.That(result.ExitCode, Is.EqualTo(expectedExit), () => Shell.Describe(pwsh, all, result));
        return result;
    }
}
