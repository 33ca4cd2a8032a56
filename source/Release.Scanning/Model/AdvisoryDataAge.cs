using System.Globalization;

namespace Release.Scanning.Model;

/// <summary>
/// How old one source's advisory data was when the scan judged it, and whether that is older than allowed. A scan
/// that found nothing is only as good as its data: "no vulnerabilities" against data years old must say so.
/// </summary>
/// <param name="SourceName">The source's display name.</param>
/// <param name="AsOf">The date the data is as of (a live source: when it was asked); null when unknown.</param>
/// <param name="JudgedAt">When the age was judged (the scan's end).</param>
/// <param name="Allowed">The oldest acceptable age.</param>
/// <param name="StaleBecause">Why it is too old (the freshness rule's answer); null when fresh enough.</param>
public sealed record AdvisoryDataAge(string SourceName, DateTimeOffset? AsOf, DateTimeOffset JudgedAt, TimeSpan Allowed, string? StaleBecause)
{
    /// <summary>True when the data is older than allowed, of unknown age, or dated in the future.</summary>
    public bool IsStale => StaleBecause is not null;

    /// <summary>Whole days between <see cref="AsOf"/> and <see cref="JudgedAt"/>; null when the date is unknown.</summary>
    public int? AgeDays => AsOf is { } date ? (int)Math.Floor((JudgedAt - date).TotalDays) : null;

    /// <summary>E.g. <c>advisory data 1041 days old (allowed: 7)</c>.</summary>
    public string Describe() =>
        (AgeDays is { } days ? $"advisory data {days.ToString(CultureInfo.InvariantCulture)} days old" : "advisory data of unknown age") +
        $" (allowed: {AllowedDays})";

    /// <summary>The warning a report carries for stale data: which source, how old, as of when, and what to do.</summary>
    public string Warning() =>
        $"{SourceName}: {Describe()}{(AsOf is { } date ? $", newest advisory {date.UtcDateTime:yyyy-MM-dd}" : "")}. " +
        "Nothing published since is checked, so no finding does not mean no vulnerability: refresh the advisory data, or allow an older age " +
            "deliberately.";

    private string AllowedDays => Math.Floor(Allowed.TotalDays).ToString(CultureInfo.InvariantCulture);
}
