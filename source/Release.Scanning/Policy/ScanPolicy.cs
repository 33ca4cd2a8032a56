using Release.Scanning.Model;

namespace Release.Scanning.Policy;

/// <summary>What makes a scan fail.</summary>
/// <param name="FailAtOrAbove">Findings of this severity or higher fail the scan unless allowlisted.</param>
/// <param name="AcceptMissingAdvisoryData">
/// When false (the default), a source that gave no advisory data fails the scan: an unchecked build must not pass
/// as clean. Set true only when a missing source is an accepted, understood gap.
/// </param>
/// <param name="Allowlist">Accepted advisories; expired entries are rejected when the file is read.</param>
public sealed record ScanPolicy(
    Severity FailAtOrAbove = Severity.High,
    bool AcceptMissingAdvisoryData = false,
    IReadOnlyList<AllowlistEntry>? Allowlist = null)
{
    /// <summary>The allowlist, never null.</summary>
    public IReadOnlyList<AllowlistEntry> AllowlistEntries => Allowlist ?? [];
}
