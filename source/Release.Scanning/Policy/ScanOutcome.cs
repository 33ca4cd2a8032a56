using Release.Scanning.Model;

namespace Release.Scanning.Policy;

/// <summary>Everything a scan found and decided, the input of all reports.</summary>
/// <param name="Findings">Findings (one per advisory and component), sorted by severity (highest first), then id and purl.</param>
/// <param name="Sources">What each source answered, in the order the sources were given.</param>
/// <param name="Policy">The policy applied.</param>
/// <param name="Verdict">The gate's decision.</param>
/// <param name="Reasons">Why the verdict is what it is, one sentence each (which source gave no data, which findings block).</param>
/// <param name="Notes">Advice that does not change the verdict (e.g. allowlist entries that matched nothing).</param>
/// <param name="StartedAt">When the scan started.</param>
/// <param name="FinishedAt">When the scan finished.</param>
public sealed record ScanOutcome(
    IReadOnlyList<EvaluatedFinding> Findings,
    IReadOnlyList<AdvisorySourceResult> Sources,
    ScanPolicy Policy,
    ScanVerdict Verdict,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> Notes,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt)
{
    /// <summary>True when the gate passes (<see cref="ScanVerdict.Clean"/> or <see cref="ScanVerdict.Passed"/>).</summary>
    public bool Succeeded => Verdict != ScanVerdict.Failed;

    /// <summary>Sources that gave no advisory data.</summary>
    public IEnumerable<AdvisorySourceResult> SourcesWithoutData => Sources.Where(s => !s.GaveData);
}
