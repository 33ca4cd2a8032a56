using Microsoft.Extensions.Time.Testing;
using Release.Process.Quality;

namespace Release.Process.Tests.Quality;

/// <summary>An advisory database is as old as the newest change it knows of.</summary>
public class AdvisoryDataDateTests
{
    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Test]
    public void The_newest_modified_date_wins()
    {
        var asOf = AdvisoryDataDate.AsOf([
            new AdvisoryDates(At("2026-11-01T00:00:00Z"), At("2020-01-01T00:00:00Z")),
            new AdvisoryDates(At("2026-11-24T09:30:00+05:30"), At("2026-11-24T09:00:00+05:30")),
            new AdvisoryDates(At("2025-03-01T00:00:00Z"), null),
        ]);
        Assert.That(asOf, Is.EqualTo(At("2026-11-24T04:00:00Z")));
    }

    [Test]
    public void Published_counts_when_an_advisory_has_no_modified_date()
    {
        Assert.That(AdvisoryDataDate.AsOf([new AdvisoryDates(null, At("2026-10-10T00:00:00Z")), new AdvisoryDates(At("2026-01-01T00:00:00Z"), null)]),
            Is.EqualTo(At("2026-10-10T00:00:00Z")));
    }

    [Test]
    public void Data_without_dates_has_an_unknown_age_and_an_unknown_age_never_meets_a_freshness_threshold()
    {
        Assert.That(AdvisoryDataDate.AsOf([new AdvisoryDates(null, null)]), Is.Null);
        Assert.That(AdvisoryDataDate.AsOf([]), Is.Null);

        var now = At("2026-11-25T10:00:00Z");
        var metrics = new QualityMetrics(new TestCounts(10, 0), 90, 90, new VulnerabilityCounts(0, 0), new TestCounts(3, 0),
            [new AdvisorySource("OSV folder /mirror", true, AdvisoryDataDate.AsOf([new AdvisoryDates(null, null)]))]);
        var decision = new ChannelSelector(QualityPolicy.Default(), new FakeTimeProvider(now)).Select(metrics, Release.Process.Versioning.ReleaseChannel.Stable);
        Assert.That(decision.Channel, Is.EqualTo(Release.Process.Versioning.ReleaseChannel.Alpha));
        Assert.That(decision.Failures.Select(f => f.ToString()), Has.Some.EqualTo("Stable: scan data age of 'OSV folder /mirror' is unknown, required <= 1.00:00:00"));
    }
}
