namespace Release.Scanning.Policy;

/// <summary>
/// A decision to accept one advisory for a while: who reads the allowlist sees why and until when.
/// </summary>
/// <param name="AdvisoryId">The advisory id or any of its aliases (GHSA-..., CVE-...), compared ignoring case.</param>
/// <param name="Reason">Why the risk is accepted (e.g. "code path not reachable; upgrade blocked by X").</param>
/// <param name="Expires">Last day the entry applies (inclusive, UTC); after it the scan stops with an error.</param>
/// <param name="Package">When set, the entry only applies to this package name (ignoring case).</param>
public sealed record AllowlistEntry(string AdvisoryId, string Reason, DateOnly Expires, string? Package = null);
