using Release.Scanning.Model;

namespace Release.Scanning.Policy;

/// <summary>Applies a <see cref="ScanPolicy"/> to what the advisory sources answered.</summary>
public static class ScanEvaluator
{
    /// <summary>Decides the verdict; see <see cref="ScanVerdict"/> for what each value means.</summary>
    /// <param name="sources">Every configured source's answer.</param>
    /// <param name="policy">Threshold, allowlist and missing-data handling.</param>
    /// <param name="startedAt">When the scan started (for reports).</param>
    /// <param name="finishedAt">When the scan finished (for reports).</param>
    public static ScanOutcome Evaluate(
        IReadOnlyList<AdvisorySourceResult> sources, ScanPolicy policy, DateTimeOffset startedAt, DateTimeOffset finishedAt)
    {
        var usedEntries = new HashSet<AllowlistEntry>();
        var findings = sources
            .SelectMany(s => s.Findings)
            // Two sources may report the same advisory for the same component; report it once.
            .GroupBy(f => (f.Component.Purl, Id: f.Advisory.Id.ToUpperInvariant()))
            .Select(g => g.OrderByDescending(f => f.Advisory.Severity).First())
            .Select(f =>
            {
                var allowedBy = policy.AllowlistEntries.FirstOrDefault(e => Allows(e, f));
                if (allowedBy is not null) usedEntries.Add(allowedBy);
                return new EvaluatedFinding(f, allowedBy, allowedBy is null && f.Advisory.Severity >= policy.FailAtOrAbove);
            })
            .OrderByDescending(e => e.Finding.Advisory.Severity)
            .ThenBy(e => e.Finding.Advisory.Id, StringComparer.Ordinal)
            .ThenBy(e => e.Finding.Component.Purl, StringComparer.Ordinal)
            .ToList();

        var reasons = new List<string>();
        var failed = false;
        if (sources.Count == 0)
        {
            failed = true;
            reasons.Add("No advisory source was configured, so nothing was checked. Configure at least one source.");
        }

        foreach (var source in sources.Where(s => !s.GaveData))
        {
            failed |= !policy.AcceptMissingAdvisoryData;
            reasons.Add(policy.AcceptMissingAdvisoryData
                ? $"{source.SourceName} gave no advisory data ({source.NoDataReason}); accepted by policy (AcceptMissingAdvisoryData)."
                : $"{source.SourceName} gave no advisory data ({source.NoDataReason}); the result cannot be called clean. Fix the source, or set " +
                    "AcceptMissingAdvisoryData if this gap is accepted.");
        }

        foreach (var blocking in findings.Where(f => f.Blocks))
        {
            failed = true;
            var finding = blocking.Finding;
            reasons.Add($"{finding.Advisory.Id} ({finding.Advisory.Severity}) affects {finding.Component.Purl}" +
                        (finding.FixedVersion is null ? "." : $"; fixed in {finding.FixedVersion}."));
        }

        var belowOrAllowed = findings.Count(f => !f.Blocks);
        if (belowOrAllowed > 0)
        {
            reasons.Add($"{belowOrAllowed} finding(s) below {policy.FailAtOrAbove} or allowlisted.");
        }

        var notes = policy.AllowlistEntries
            .Where(e => !usedEntries.Contains(e))
            .Select(e => $"Allowlist entry '{e.AdvisoryId}' matched no finding; remove it if the issue is gone.")
            .ToList();

        var verdict = failed ? ScanVerdict.Failed
            : sources.All(s => s.GaveData) && findings.Count == 0 ? ScanVerdict.Clean
            : ScanVerdict.Passed;
        return new ScanOutcome(findings, sources, policy, verdict, reasons, notes, startedAt, finishedAt);
    }

    private static bool Allows(AllowlistEntry entry, Finding finding) =>
        finding.Advisory.AllIds.Any(id => string.Equals(id, entry.AdvisoryId, StringComparison.OrdinalIgnoreCase))
        && (entry.Package is null || string.Equals(entry.Package, finding.Component.Name, StringComparison.OrdinalIgnoreCase));
}
