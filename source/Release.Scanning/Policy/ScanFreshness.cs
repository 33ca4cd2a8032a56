using Release.Scanning.Model;

namespace Release.Scanning.Policy;

/// <summary>
/// Puts the age of the advisory data into a scan's outcome: a scan that found nothing against data older than allowed
/// is not <see cref="ScanVerdict.Clean"/> but <see cref="ScanVerdict.Passed"/>, and its reasons say how old the data is.
/// It does not fail the scan: stale data is a gap to be said, as the quality gate's freshness rule decides a channel.
/// </summary>
public static class ScanFreshness
{
    /// <summary>The outcome with <paramref name="ages"/> recorded and the verdict and reasons adjusted for stale data.</summary>
    /// <param name="outcome">The evaluated scan.</param>
    /// <param name="ages">Each source's judged data age.</param>
    public static ScanOutcome Apply(ScanOutcome outcome, IReadOnlyList<AdvisoryDataAge> ages)
    {
        var stale = ages.Where(a => a.IsStale).ToList();
        if (stale.Count == 0) return outcome with { DataAges = ages };
        var verdict = outcome.Verdict == ScanVerdict.Clean ? ScanVerdict.Passed : outcome.Verdict;
        return outcome with { Verdict = verdict, Reasons = [.. outcome.Reasons, .. stale.Select(a => a.Warning())], DataAges = ages };
    }
}
