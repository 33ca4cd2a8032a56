namespace Release.Testing.NuGetAudit;

/// <summary>One advisory as a NuGet vulnerability page lists it.</summary>
/// <param name="PackageId">Package id (written lower-case into the page, as NuGet does).</param>
/// <param name="Versions">Affected versions as a NuGet range, e.g. "(, 13.0.1)".</param>
/// <param name="Severity">0 low, 1 moderate, 2 high, 3 critical.</param>
/// <param name="Url">The advisory URL.</param>
public sealed record NuGetAuditAdvisory(string PackageId, string Versions, int Severity, string Url)
{
    /// <summary>
    /// The real advisory GHSA-5crp-9r3c-p9vr: Newtonsoft.Json before 13.0.1 (improper handling of exceptional
    /// conditions, deep nesting can exhaust the stack), severity High.
    /// </summary>
    public static NuGetAuditAdvisory NewtonsoftJsonGhsa5crp { get; } =
        new("Newtonsoft.Json", "(, 13.0.1)", 2, "https://github.com/advisories/GHSA-5crp-9r3c-p9vr");
}
