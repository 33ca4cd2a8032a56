using Release.Scanning.Model;
using Release.Scanning.Versions;

namespace Release.Scanning.Sources.Osv;

/// <summary>Decides whether a version is inside an OSV affected entry (its explicit versions or its ranges).</summary>
public static class OsvRangeEvaluator
{
    /// <summary>
    /// True when <paramref name="version"/> is listed in <c>versions</c> or lies in an ECOSYSTEM/SEMVER range.
    /// Range events are applied in version order: introduced opens, fixed (at or below the version) closes,
    /// last_affected (below the version) closes; "0" means "from the very first version".
    /// </summary>
    /// <param name="affected">The OSV affected entry.</param>
    /// <param name="ecosystem">The component's ecosystem (decides version ordering).</param>
    /// <param name="version">The installed version.</param>
    /// <param name="place">File and entry, for error messages.</param>
    /// <param name="fixedVersion">The first fixed version above <paramref name="version"/> when known.</param>
    public static bool IsAffected(OsvAffectedPackage affected, ComponentEcosystem ecosystem, string version, string place, out string? fixedVersion)
    {
        fixedVersion = null;
        var listed = affected.Versions.Any(v => EcosystemVersionComparer.Compare(ecosystem, v, version, place) == 0);
        var inRange = false;
        foreach (var range in affected.Ranges.Where(r => r.Type is "ECOSYSTEM" or "SEMVER"))
        {
            var ordered = range.Events
                .Where(e => e.Kind is "introduced" or "fixed" or "last_affected")
                .OrderBy(e => e.Version, Comparer<string>.Create((x, y) => CompareEventVersions(ecosystem, x, y, place)))
                .ToList();
            var vulnerable = false;
            foreach (var (kind, eventVersion) in ordered)
            {
                var cmp = eventVersion == "0" ? 1 : EcosystemVersionComparer.Compare(ecosystem, version, eventVersion, place);
                vulnerable = kind switch
                {
                    "introduced" when cmp >= 0 => true,
                    "fixed" when cmp >= 0 => false,
                    "last_affected" when cmp > 0 => false,
                    _ => vulnerable,
                };
            }

            if (vulnerable)
            {
                inRange = true;
                fixedVersion ??= ordered
                    .Where(e => e.Kind == "fixed" && EcosystemVersionComparer.Compare(ecosystem, e.Version, version, place) > 0)
                    .Select(e => e.Version)
                    .FirstOrDefault();
            }
        }

        return listed || inRange;
    }

    private static int CompareEventVersions(ComponentEcosystem ecosystem, string x, string y, string place) =>
        (x == "0", y == "0") switch
        {
            (true, true) => 0,
            (true, false) => -1,
            (false, true) => 1,
            _ => EcosystemVersionComparer.Compare(ecosystem, x, y, place),
        };
}
