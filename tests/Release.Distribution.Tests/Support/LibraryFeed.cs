using Release.Testing;
using Release.Build;

namespace Release.Distribution.Tests.Support;

/// <summary>
/// A local folder feed holding this repository's packages and template, packed once per test run (on first use) the
/// way <c>./build.sh Pack</c> packs them, at a fixed test version. Builds and restores go to private folders, so the
/// repository's own build output and the machine's package cache are left alone.
/// </summary>
internal sealed class LibraryFeed(string root)
{
    /// <summary>The version first packed; the template references it.</summary>
    public const string FirstVersion = "0.1.0-team.1";

    /// <summary>A newer version, published by <see cref="PublishNewerAsync"/>.</summary>
    public const string NewerVersion = "0.1.0-team.2";

    private readonly Lazy<Task> packed = new(() => PackAsync(root));

    /// <summary>The feed folder (what a team's nuget.config names).</summary>
    public string Folder => Path.Combine(root, "feed");

    /// <summary>A package folder of its own (NUGET_PACKAGES) so test versions never reach the machine's cache.</summary>
    public string PackagesFolder => Path.Combine(root, "nuget-packages");

    /// <summary>The template package.</summary>
    public string TemplatePackage => Path.Combine(Folder, $"ReleaseKit.Templates.{FirstVersion}.nupkg");

    /// <summary>Waits until every library package and the template are in the feed at <see cref="FirstVersion"/>.</summary>
    public Task EnsurePackedAsync() => packed.Value;

    /// <summary>Publishes every library package at <see cref="NewerVersion"/> (they depend on each other at one version).</summary>
    public async Task PublishNewerAsync(CancellationToken ct)
    {
        await EnsurePackedAsync();
        await Shell.SucceedAsync("dotnet", ["pack", SolutionFile(root), .. PackArguments(root, NewerVersion)], root, null, ct);
    }

    /// <summary>The environment for dotnet in a test: the private package folder, no telemetry or banners.</summary>
    public IReadOnlyDictionary<string, string?> Environment() => new Dictionary<string, string?>
    {
        ["NUGET_PACKAGES"] = PackagesFolder,
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        // No MSBuild worker nodes or build server left running after the test.
        ["MSBUILDDISABLENODEREUSE"] = "1",
        ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
        // Set by build.sh for the build running these tests; a team's build must not read them.
        ["RELEASE_BOOTSTRAP"] = null,
        ["RELEASE_BOOTSTRAP_CHECK"] = null,
        ["RELEASE_BOOTSTRAP_RERUN"] = null,
        ["RELEASE_SCRIPT_NAME"] = null,
    };

    private static async Task PackAsync(string root)
    {
        var ct = CancellationToken.None;
        var libraries = Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "source"), "*.csproj", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
        // One solution for all libraries: one MSBuild run that builds each once, instead of one per package.
        var solution = Path.Combine(root, "library");
        Directory.CreateDirectory(solution);
        await Shell.SucceedAsync("dotnet", ["new", "sln", "-n", "library", "-o", solution], solution, null, ct);
        var solutionFile = SolutionFile(root);
        await Shell.SucceedAsync("dotnet", ["sln", solutionFile, "add", .. libraries], solution, null, ct);
        await Shell.SucceedAsync("dotnet", ["pack", solutionFile, .. PackArguments(root, FirstVersion)], solution, null, ct);
        var template = await Release.Build.TemplatePackage.StageAsync(RepositoryRoot.Path, Path.Combine(root, "template"), FirstVersion, ct);
        await PackProjectAsync(root, template, FirstVersion, ct);
    }

    private static Task PackProjectAsync(string root, string project, string version, CancellationToken ct) =>
        Shell.SucceedAsync("dotnet", ["pack", project, .. PackArguments(root, version)], root, null, ct);

    private static string[] PackArguments(string root, string version) =>
    [
        "-c", "Release", "--nologo", "-v", "quiet", "-nodeReuse:false", "--artifacts-path", Path.Combine(root, "build-output"),
        $"-p:Version={version}", $"-p:PackageOutputPath={Path.Combine(root, "feed")}", "-p:ContinuousIntegrationBuild=true",
    ];

    private static string SolutionFile(string root) => Directory.GetFiles(Path.Combine(root, "library"), "library.sln*").Single();
}
