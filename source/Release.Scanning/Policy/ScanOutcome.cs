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

    /// <summary>How old each source's data was (empty when not judged); see <see cref="ScanFreshness.Apply"/>.</summary>
    public IReadOnlyList<AdvisoryDataAge> DataAges { get; init; } = [];

    /// <summary>Sources whose data was older than allowed.</summary>
    public IEnumerable<AdvisoryDataAge> StaleData => DataAges.Where(a => a.IsStale);

    /// <summary>
    /// The verdict in words, with the age of the data it rests on: <c>Clean against advisory data 0 days old (allowed: 7)</c>,
    /// <c>Passed: clean against advisory data 1041 days old (allowed: 7)</c>, <c>Failed</c>.
    /// </summary>
    public string VerdictText
    {
        get
        {
            var oldest = StaleData.Concat(DataAges).OrderBy(a => a.IsStale ? 0 : 1).ThenByDescending(a => a.AgeDays ?? int.MaxValue).FirstOrDefault();
            if (Verdict == ScanVerdict.Failed || oldest is null) return Verdict.ToString();
            if (!oldest.IsStale) return $"{Verdict} against {oldest.Describe()}";
            var foundNothing = Findings.Count == 0 && !SourcesWithoutData.Any();
            return foundNothing ? $"{Verdict}: clean against {oldest.Describe()}" : $"{Verdict}; {oldest.Describe()}";
        }
    }
}
