namespace Release.Testing.Clocks;

/// <summary>
/// The production gate's voting window of this repository's build (16:00-17:00 India Standard Time on weekdays): tests
/// that vote on production set the release process's clock inside it, since a test runs whenever it runs.
/// </summary>
public static class ProductionVotingWindow
{
    /// <summary>16:01 India Standard Time (no daylight saving: always +05:30) on the last weekday before <paramref name="now"/>'s day.</summary>
    public static DateTimeOffset LastOpeningBefore(DateTimeOffset now)
    {
        var ist = TimeSpan.FromHours(5.5);
        var day = now.ToOffset(ist).Date.AddDays(-1);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(-1);
        return new DateTimeOffset(day.Add(new TimeSpan(16, 1, 0)), ist);
    }
}
