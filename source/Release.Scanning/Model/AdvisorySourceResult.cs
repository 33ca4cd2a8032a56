namespace Release.Scanning.Model;

/// <summary>
/// What one advisory source answered. <see cref="GaveData"/> separates "checked against real advisory data and
/// found these findings (possibly none)" from "had no advisory data at all" — the second must never read as clean.
/// </summary>
public sealed record AdvisorySourceResult
{
    private AdvisorySourceResult(string sourceName, bool gaveData, string? noDataReason, IReadOnlyList<Finding> findings)
    {
        SourceName = sourceName;
        GaveData = gaveData;
        NoDataReason = noDataReason;
        Findings = findings;
    }

    /// <summary>The source's display name.</summary>
    public string SourceName { get; }

    /// <summary>True when the source had advisory data to check against.</summary>
    public bool GaveData { get; }

    /// <summary>Why the source had no data (null when it had data).</summary>
    public string? NoDataReason { get; }

    /// <summary>Advisories that matched; always empty when <see cref="GaveData"/> is false.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>The source had advisory data; <paramref name="findings"/> are the matches (may be empty).</summary>
    /// <param name="sourceName">The source's display name.</param>
    /// <param name="findings">Matched advisories.</param>
    public static AdvisorySourceResult WithData(string sourceName, IEnumerable<Finding> findings) =>
        new(sourceName, true, null, findings.ToList());

    /// <summary>The source had no advisory data at all.</summary>
    /// <param name="sourceName">The source's display name.</param>
    /// <param name="reason">Why, in words a release engineer can act on.</param>
    public static AdvisorySourceResult NoData(string sourceName, string reason) =>
        new(sourceName, false, reason, []);
}
