using Release.Scanning.Model;

namespace Release.Scanning.Sources.Osv;

/// <summary>
/// Advisories from a folder of OSV JSON documents (e.g. an exported or mirrored OSV database, or a team's own
/// advisories). Files are read recursively; NuGet components match ecosystem "NuGet", Debian components match
/// "Debian" and "Debian:N".
/// </summary>
public sealed class OsvAdvisoryFolderSource : IAdvisorySource
{
    private readonly string _folder;
    private readonly Action<string> _log;

    /// <summary>Creates a source reading <paramref name="folder"/>.</summary>
    /// <param name="folder">Folder holding *.json OSV documents.</param>
    /// <param name="log">Receives one line per step; may be null.</param>
    public OsvAdvisoryFolderSource(string folder, Action<string>? log = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        _folder = Path.GetFullPath(folder);
        _log = log ?? (_ => { });
    }

    /// <inheritdoc />
    public string Name => $"OSV folder {_folder}";

    /// <inheritdoc />
    public async Task<AdvisorySourceResult> QueryAsync(IReadOnlyList<SoftwareComponent> components, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_folder))
        {
            throw new DirectoryNotFoundException($"{_folder}: OSV advisory folder does not exist. Check the configured path, or remove this source.");
        }

        var files = Directory.GetFiles(_folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            var reason = $"folder {_folder} holds no *.json OSV documents";
            _log($"{Name}: NO advisory data ({reason})");
            return AdvisorySourceResult.NoData(Name, reason);
        }

        var findings = new List<Finding>();
        foreach (var file in files)
        {
            var osv = OsvDocumentReader.Parse(await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false), file);
            if (osv is not null)
            {
                findings.AddRange(Match(osv, components));
            }
        }

        _log($"{Name}: {files.Count} document(s); {findings.Count} finding(s)");
        return AdvisorySourceResult.WithData(Name, findings);
    }

    private IEnumerable<Finding> Match(OsvAdvisory osv, IReadOnlyList<SoftwareComponent> components)
    {
        for (var index = 0; index < osv.Affected.Count; index++)
        {
            var affected = osv.Affected[index];
            var place = $"{osv.File}: affected[{index}]";
            foreach (var component in components.Where(c => Applies(affected, c)))
            {
                if (OsvRangeEvaluator.IsAffected(affected, component.Ecosystem, component.Version, place, out var fixedVersion))
                {
                    var advisory = affected.Severity is { } severity ? osv.Advisory with { Severity = severity } : osv.Advisory;
                    yield return new Finding(advisory, component, Name, Describe(affected), fixedVersion);
                }
            }
        }
    }

    private static bool Applies(OsvAffectedPackage affected, SoftwareComponent component) => component.Ecosystem switch
    {
        ComponentEcosystem.NuGet => affected.Ecosystem == "NuGet" && string.Equals(affected.Name, component.Name, StringComparison.OrdinalIgnoreCase),
        ComponentEcosystem.Debian => (affected.Ecosystem == "Debian" || affected.Ecosystem.StartsWith("Debian:", StringComparison.Ordinal))
            && affected.Name == component.Name,
        _ => false,
    };

    private static string Describe(OsvAffectedPackage affected)
    {
        var ranges = affected.Ranges.Select(r => string.Join(", ", r.Events.Select(e => $"{e.Kind} {e.Version}")));
        return string.Join("; ", ranges.Concat(affected.Versions.Count > 0 ? [$"versions {string.Join(", ", affected.Versions)}"] : []));
    }
}
