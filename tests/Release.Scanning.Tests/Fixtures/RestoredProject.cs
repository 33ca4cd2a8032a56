using System.Diagnostics;
using Release.Testing;

namespace Release.Scanning.Tests.Fixtures;

/// <summary>
/// A tiny SDK project written to a temp folder and restored for real with <c>dotnet restore</c>, with its own
/// NuGet HTTP cache (NuGet caches advisory data, which would leak between tests).
/// </summary>
internal sealed class RestoredProject : IDisposable
{
    private readonly TempDirectory _folder = new("release-scan-project");

    private RestoredProject()
    {
    }

    /// <summary>Path of obj/project.assets.json.</summary>
    public string AssetsPath => _folder.Combine("obj", "project.assets.json");

    /// <summary>Everything <c>dotnet restore</c> printed.</summary>
    public string RestoreOutput { get; private set; } = string.Empty;

    /// <summary>Writes and restores a project with the given package references (Include, Version, extra attributes).</summary>
    /// <param name="packages">Package references.</param>
    /// <param name="nugetConfigXml">A nuget.config to put next to the project (e.g. with auditSources); none when null.</param>
    /// <param name="audit">Whether NuGet audit runs during restore.</param>
    /// <param name="cancellationToken">Stops the restore.</param>
    public static async Task<RestoredProject> CreateAsync(
        IEnumerable<(string Id, string Version, string Extra)> packages, string? nugetConfigXml, bool audit, CancellationToken cancellationToken)
    {
        var project = new RestoredProject();
        var references = string.Join("\n    ", packages.Select(p => $"<PackageReference Include=\"{p.Id}\" Version=\"{p.Version}\" {p.Extra} />"));
        // Empty Directory.*.props stop MSBuild from picking up files from folders above the temp folder.
        project._folder.WriteFile("Directory.Build.props", "<Project />");
        project._folder.WriteFile("Directory.Packages.props", "<Project />");
        project._folder.WriteFile("Scanned.App.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <NuGetAudit>{(audit ? "true" : "false")}</NuGetAudit>
                <NuGetAuditMode>all</NuGetAuditMode>
              </PropertyGroup>
              <ItemGroup>
                {references}
              </ItemGroup>
            </Project>
            """);
        if (nugetConfigXml is not null)
        {
            project._folder.WriteFile("nuget.config", nugetConfigXml);
        }

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = project._folder.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "restore", "Scanned.App.csproj", "--disable-build-servers", "-nodeReuse:false" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NUGET_HTTP_CACHE_PATH"] = project._folder.Combine("http-cache");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        project.RestoreOutput = await stdout + await stderr;
        if (process.ExitCode != 0)
        {
            project.Dispose();
            throw new InvalidOperationException($"dotnet restore failed ({process.ExitCode}):\n{project.RestoreOutput}");
        }

        return project;
    }

    /// <inheritdoc />
    public void Dispose() => _folder.Dispose();
}
