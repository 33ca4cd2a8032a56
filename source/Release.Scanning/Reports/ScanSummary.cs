using Release.Scanning.Model;
using Release.Scanning.Policy;

namespace Release.Scanning.Reports;

/// <summary>The few numbers a quality gate needs: verdict, counts by severity, and which sources had data.</summary>
/// <param name="Verdict">Clean, Passed or Failed.</param>
/// <param name="FailAtOrAbove">The policy's threshold.</param>
/// <param name="AcceptMissingAdvisoryData">Whether the policy accepted sources without data.</param>
/// <param name="CountsBySeverity">Number of findings per severity (all severities present, zero when none).</param>
/// <param name="Blocking">Findings that fail the gate.</param>
/// <param name="Allowlisted">Findings accepted by the allowlist.</param>
/// <param name="SourcesWithData">Names of sources that had advisory data.</param>
/// <param name="SourcesWithoutData">Sources that had none, with the reason.</param>
/// <param name="Reasons">Why the verdict is what it is.</param>
public sealed record ScanSummary(
    ScanVerdict Verdict,
    Severity FailAtOrAbove,
    bool AcceptMissingAdvisoryData,
    IReadOnlyDictionary<Severity, int> CountsBySeverity,
    int Blocking,
    int Allowlisted,
    IReadOnlyList<string> SourcesWithData,
    IReadOnlyList<SourceWithoutData> SourcesWithoutData,
    IReadOnlyList<string> Reasons)
{
    /// <summary>The verdict in words with the age of its data (<see cref="ScanOutcome.VerdictText"/>), e.g. <c>Passed: clean against advisory data
    /// 1406 days old (allowed: 7)</c>.</summary>
    public string VerdictText { get; init; } = Verdict.ToString();

    /// <summary>Condenses an outcome.</summary>
    /// <param name="outcome">The evaluated scan.</param>
    public static ScanSummary From(ScanOutcome outcome) => new(
        outcome.Verdict,
        outcome.Policy.FailAtOrAbove,
        outcome.Policy.AcceptMissingAdvisoryData,
        Enum.GetValues<Severity>().OrderByDescending(s => s).ToDictionary(s => s, s => outcome.Findings.Count(f => f.Finding.Advisory.Severity == s)),
        outcome.Findings.Count(f => f.Blocks),
        outcome.Findings.Count(f => f.AllowedBy is not null),
        outcome.Sources.Where(s => s.GaveData).Select(s => s.SourceName).ToList(),
        outcome.SourcesWithoutData.Select(s => new SourceWithoutData(s.SourceName, s.NoDataReason ?? string.Empty)).ToList(),
        outcome.Reasons) { VerdictText = outcome.VerdictText };
}

/// <summary>A source that gave no advisory data.</summary>
/// <param name="Name">The source's name.</param>
/// <param name="Reason">Why it had no data.</param>
public sealed record SourceWithoutData(string Name, string Reason);
