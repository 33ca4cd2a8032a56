using System.Formats.Tar;
using Release.Engine;
using Release.Scanning.Model;
using Release.Scanning.Sources.NuGet;
using Release.Scanning.Sources.Osv;
using Release.Scanning.Sources.Trivy;

namespace Release.Stages.Scan;

/// <summary>Turns the Scan parameters into advisory sources, checking each one's address before any query.</summary>
internal static class AdvisorySources
{
    /// <summary>The configured sources; Trivy only when a <c>trivy</c> executable is on PATH.</summary>
    /// <param name="build">The scan's parameters.</param>
    /// <param name="http">The client NuGet sources use (owned by the caller).</param>
    /// <param name="scratch">A folder for the image archive Trivy reads.</param>
    /// <param name="ct">Stops the preparation.</param>
    public static async Task<IReadOnlyList<IAdvisorySource>> CreateAsync(IScan build, HttpClient http, AbsolutePath scratch, CancellationToken ct)
    {
        var log = build.Log.Information;
        var sources = new List<IAdvisorySource>();
        foreach (var text in build.AuditSources ?? [])
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                throw new BuildInputException($"--audit-sources: '{text}' is not an http(s) URL. Give the NuGet source's service index, e.g. " +
                    "https://nuget.example.internal/v3/index.json.");
            sources.Add(new NuGetAuditSource(http, uri, log));
        }
        if (build.OsvDirectory is { } osv)
        {
            if (!osv.DirectoryExists())
                throw new BuildInputException($"--osv-directory: the folder {osv} does not exist. Point it at a folder of OSV *.json documents, or " +
                    "leave it out.");
            sources.Add(new OsvAdvisoryFolderSource(osv, log));
        }
        var path = build.Context.Environment.GetValueOrDefault("PATH");
        if (TrivyExecutableLocator.Find(path) is not null)
        {
            // Trivy reads an image as an archive: the layout Build kept, tarred.
            var archive = scratch / "image.tar";
            await TarFile.CreateFromDirectoryAsync(build.Paths.ImageLayout, archive, includeBaseDirectory: false, ct).ConfigureAwait(false);
            sources.Add(new TrivySource(archive, TrivyTargetKind.ImageArchive, path, log));
        }
        else
        {
            log("No trivy executable on PATH: Trivy is not used as an advisory source.");
        }
        if (sources.Count == 0)
            build.Log.Warning("No advisory source is configured (--audit-sources, --osv-directory, trivy on PATH): nothing can be checked, so the " +
                "scan fails.");
        return sources;
    }
}
