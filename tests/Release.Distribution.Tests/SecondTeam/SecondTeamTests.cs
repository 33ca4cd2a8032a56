using System.Diagnostics;
using System.Text.RegularExpressions;
using Release.Distribution.Tests.Support;
using Release.Testing;

namespace Release.Distribution.Tests.SecondTeam;

/// <summary>
/// A second team adopts the library for real: a fresh git repository with a small module of its own, the build
/// started from the packed template package, the library restored from a local folder feed (no project reference),
/// and an upgrade by changing one version. Runs --help, Clone, the default target (all eight stages on the embedded
/// defaults: a registry on 127.0.0.1, the base image assembled from this machine's runtime, a local podman deployment
/// that the integration tests reach) and GenerateCI.
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
        GreeterModule.WriteTo(team);
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
        await Git("-c", "user.name=Team", "-c", "user.email=team@example.test", "commit", "-q", "-m", "feat: greeter service");

        // A hive of its own: the machine's installed templates are neither read nor changed.
        var hive = team.Combine(".template-hive");
        await Dotnet("new", "install", feed.TemplatePackage, "--debug:custom-hive", hive);
        await Dotnet("new", "releasekit-build", "--debug:custom-hive", hive, "--module", GreeterModule.Folder, "--module-name", "greeter");
        // The team's OSV copy, where the template's parameters point Scan (UpdateAdvisories fills it from a mirror; no
        // mirror is reachable here): the library's own offline advisory, a real OSV document.
        File.Copy(Path.Combine(RepositoryRoot.Path, ".nuke", "advisories", "GHSA-5crp-9r3c-p9vr.json"), team.WriteFile(".nuke/advisories/GHSA-5crp-9r3c-p9vr.json", ""), overwrite: true);
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
            Assert.That(project, Does.Contain("PackageReference Include=\"ReleaseKit.Release.Stages\"").And.Contain("PackageReference Include=\"ReleaseKit.Release.Delivery\""));
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
        Assert.That(result.OutputText, Does.Contain("Usage: ./build.sh").And.Contain("GenerateCI"));
        foreach (var stage in PipelineStages) Assert.That(result.OutputText, Does.Contain(stage), stage);
    }

    [Test, Order(3)]
    public async Task A_target_runs_on_the_teams_module()
    {
        await BuildSh("Clone");
        Assert.That(Directory.GetFiles(team.Combine(".nuke", "temp"), "Greeting.cs", SearchOption.AllDirectories), Is.Not.Empty,
            "Clone checked the team's repository out into the build's workspace");
    }

    [Test, Order(4)]
    public async Task The_default_target_runs_the_whole_pipeline_green_on_embedded_defaults()
    {
        var output = (await BuildSh()).OutputText;

        var summary = BuildSummary.Parse(output);
        Assert.Multiple(() =>
        {
            foreach (var stage in PipelineStages.Append("Pipeline")) Assert.That(summary.StatusOf(stage), Is.EqualTo("Succeeded"), stage);
            var digest = Regex.Match(summary.DetailsOf("Build"), "digest: (sha256:[0-9a-f]{64})").Groups[1].Value;
            Assert.That(digest, Is.Not.Empty, "Build names the image's digest");
            Assert.That(summary.DetailsOf("Push"), Does.Contain($"digest: {digest}"), "Push pushed that image by digest");
            Assert.That(summary.DetailsOf("Scan"), Does.Contain("vulnerabilities: critical 0, high 0"));
            Assert.That(summary.DetailsOf("UnitTest"), Does.Contain("1 passed, 0 failed"), "the team's unit test ran");
            Assert.That(summary.DetailsOf("Integrate"), Does.Contain("tests: 2 passed, 0 failed, 0 skipped"), "both integration tests passed");
            Assert.That(summary.DetailsOf("Deploy"), Does.Contain("environment: local").And.Match(@"url: http://127\.0\.0\.1:\d+"));
            Assert.That(output, Does.Contain("podman container greeter-local-"), "deployed as a podman container");
            Assert.That(output, Does.Contain("Line coverage:"));
        });
        Assert.That(Directory.GetFiles(team.Combine("artifacts", "modules", "greeter", "unit-tests"), "*.cobertura.xml"), Is.Not.Empty);
        Assert.That(team.Combine("artifacts", "modules", "greeter", "integration", "junit.xml"), Does.Exist);
    }

    [Test, Order(5)]
    public async Task GenerateCI_writes_both_CI_files_from_the_teams_build()
    {
        await BuildSh("GenerateCI");
        Assert.That(File.ReadAllText(team.Combine(".gitlab-ci.yml")), Does.Contain("./build.sh").And.Contain("integrate-local"), "deploy and integration tests in one job");
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

    private static readonly string[] PipelineStages = ["Clone", "Build", "UnitTest", "Scan", "Push", "Chart", "Deploy", "Integrate"];

    private Task<Tooling.Processes.ProcessResult> BuildSh(params string[] arguments) =>
        Shell.SucceedAsync(team.Combine("build.sh"), arguments, team.Path, feed.Environment());

    private Task Git(params string[] arguments) => Shell.SucceedAsync("git", arguments, team.Path);

    private Task Dotnet(params string[] arguments) => Shell.SucceedAsync("dotnet", arguments, team.Path, feed.Environment());
}
