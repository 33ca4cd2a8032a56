using System.Globalization;

namespace Release.Process.Quality;

/// <summary>
/// Whether advisory data is fresh enough: the one rule the quality gate's scan-data-age check and the scan's own
/// verdict share. Data whose date is unknown or in the future is never fresh.
/// </summary>
public static class AdvisoryDataFreshness
{
    /// <summary>Why data as of <paramref name="asOf"/> is too old at <paramref name="now"/>; <c>null</c> when it is fresh enough.</summary>
    /// <param name="asOf">The date the data is as of (<see cref="AdvisoryDataDate.AsOf"/>); null when unknown.</param>
    /// <param name="maxAge">The oldest acceptable age.</param>
    /// <param name="now">When it is judged.</param>
    /// <returns><c>unknown</c>, <c>dated in the future (...)</c>, the age (<c>d.hh:mm:ss</c>), or null.</returns>
    public static string? Stale(DateTimeOffset? asOf, TimeSpan maxAge, DateTimeOffset now) => asOf switch
    {
        null => "unknown",
        { } date when date > now => $"dated in the future ({date:O})",
        { } date when now - date > maxAge => (now - date).ToString("c", CultureInfo.InvariantCulture),
        _ => null,
    };
}
