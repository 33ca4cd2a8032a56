namespace Release.Scanning.Model;

/// <summary>A published security advisory, as far as the source told us.</summary>
/// <param name="Id">Primary id (GHSA-..., CVE-..., OSV id). For NuGet feeds, the id is taken from the advisory URL.</param>
/// <param name="Aliases">Other ids for the same problem (e.g. the CVE of a GHSA); allowlist entries may name any of them.</param>
/// <param name="Summary">One-line description; may be empty when the source gives none.</param>
/// <param name="Severity">The source's severity.</param>
/// <param name="Url">Where to read more; null when the source gives none.</param>
public sealed record Advisory(
    string Id,
    IReadOnlyList<string> Aliases,
    string Summary,
    Severity Severity,
    string? Url)
{
    /// <summary>The primary id followed by the aliases.</summary>
    public IEnumerable<string> AllIds => Aliases.Prepend(Id);
}
