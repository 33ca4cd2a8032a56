using Release.Scanning.Model;

namespace Release.Scanning.Policy;

/// <summary>A finding with the policy's decision about it.</summary>
/// <param name="Finding">The finding.</param>
/// <param name="AllowedBy">The allowlist entry that accepts it, or null.</param>
/// <param name="Blocks">True when it fails the scan (at or above the threshold and not allowlisted).</param>
public sealed record EvaluatedFinding(Finding Finding, AllowlistEntry? AllowedBy, bool Blocks);
