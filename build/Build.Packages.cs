using Release.Engine;
using Release.Releasing.Versioning;

namespace Release.Build;

/// <summary>
/// The library as NuGet packages: every assembly under source/ and the <c>dotnet new</c> template, versioned by the
/// library's own release rules from this repository's tags and conventional commits (the same rules as the
/// <c>Version</c> target), so the tool version in SBOM, SARIF and evidence is the package version.
/// </summary>
partial class Build
{
    [Parameter("NuGet feed Publish pushes to: a folder (default artifacts/feed) or an HTTP feed's v3 index URL")]
    readonly string? NugetSource;

    [Parameter("API key of the HTTP feed Publish pushes to (not needed for a folder feed)"), Secret]
    readonly string? NugetApiKey;

    AbsolutePath PackagesDirectory => ArtifactsDirectory / "packages";

    Target Pack => _ => _
        .Description("Packs every library under source/ and the dotnet new template into artifacts/packages (version from tags and conventional commits)")
        .Executes(async ct =>
        {
            var version = await PackageVersionAsync(ct);
            if (Directory.Exists(PackagesDirectory)) Directory.Delete(PackagesDirectory, recursive: true);
            foreach (var project in Directory.GetFiles(RootDirectory / "source", "*.csproj", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                await DotNet(ct, "pack", project, "-c", Configuration, "-o", PackagesDirectory, $"-p:Version={version}",
                    "-p:ContinuousIntegrationBuild=true", "--nologo", "-v", "quiet");
            await DotNet(ct, "pack", await TemplatePackage.StageAsync(RootDirectory, ArtifactsDirectory / "template", version, ct),
                "-c", Configuration, "-o", PackagesDirectory, $"-p:Version={version}", "--nologo", "-v", "quiet");
            var count = Directory.GetFiles(PackagesDirectory, "*.nupkg").Length;
            Log.Information($"Packed {count} packages {version} into {PackagesDirectory}");
            ReportSummary("packages", $"{count} at {version}");
        });

    Target Publish => _ => _
        .Description("Pushes the packed packages (and symbols) to --nuget-source: a folder feed by default, an HTTP feed with --nuget-api-key")
        .DependsOn(Pack)
        .Executes(async ct =>
        {
            var source = NugetSource ?? (string)(ArtifactsDirectory / "feed");
            var isHttp = source.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || source.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
            if (isHttp && string.IsNullOrEmpty(NugetApiKey))
                throw new BuildInputException($"--nuget-source {source} is an HTTP feed and needs --nuget-api-key (or NUGET_API_KEY in the environment).");
            if (!isHttp) Directory.CreateDirectory(source);
            var version = await PackageVersionAsync(ct);
            var packages = Directory.Exists(PackagesDirectory) ? Directory.GetFiles(PackagesDirectory, $"*.{version}.nupkg").Order(StringComparer.Ordinal).ToList() : [];
            if (packages.Count == 0)
                throw new InvalidOperationException($"No package of version {version} in {PackagesDirectory}: run Publish with Pack (do not --skip Pack after a new commit).");
            foreach (var package in packages)
            {
                // A folder feed takes the .snupkg beside the .nupkg itself; an HTTP feed gets it from the same push.
                string[] arguments = ["nuget", "push", package, "--source", source, "--skip-duplicate"];
                if (isHttp) arguments = [.. arguments, "--api-key", NugetApiKey!];
                await DotNet(ct, arguments);
            }
            Log.Information($"Published {version} to {source}");
            ReportSummary("published", $"{version} to {source}");
        });

    /// <summary>Computed afresh by each target (a few git reads): the same commit always gives the same version.</summary>
    async Task<string> PackageVersionAsync(CancellationToken ct)
    {
        var calculated = await RepositoryVersion.CalculateAsync(RootDirectory, ct: ct);
        Log.Information($"Package version {calculated.Version}: {calculated.Reason}");
        return calculated.Version.ToString();
    }
}
