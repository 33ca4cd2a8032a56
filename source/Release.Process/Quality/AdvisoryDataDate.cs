namespace Release.Process.Quality;

/// <summary>
/// How old an advisory database is, judged from its own content rather than from when a file was written or copied.
/// Every OSV advisory carries <c>modified</c> (required by the schema) and usually <c>published</c>; a mirror is at
/// least as old as the newest of those dates, because a mirror synced an hour ago holds advisories changed an hour
/// ago. So the data is "as of" the newest <c>modified</c> (else <c>published</c>) among its advisories.
/// </summary>
/// <remarks>
/// The newest date is a lower bound on staleness: a small hand-kept folder whose advisories have not changed for a
/// year reads as a year old, which is right, since it has not learned of anything published since.
/// </remarks>
public static class AdvisoryDataDate
{
    /// <summary>The date the data is as of: the newest <c>modified</c>, else <c>published</c>, of its advisories.</summary>
    /// <param name="advisories">Each advisory's dates, as read from the data (null when absent or unreadable).</param>
    /// <returns>Null when no advisory carries a date: the age is unknown, which a freshness threshold never accepts.</returns>
    public static DateTimeOffset? AsOf(IEnumerable<AdvisoryDates> advisories)
    {
        DateTimeOffset? newest = null;
        foreach (var advisory in advisories)
        {
            if ((advisory.Modified ?? advisory.Published) is { } date && (newest is null || date > newest))
                newest = date;
        }
        return newest;
    }
}
