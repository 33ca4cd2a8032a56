using Microsoft.Extensions.Time.Testing;
using Release.Process.Quality;
using Release.Process.Versioning;

namespace Release.Process.Tests.Quality;

/// <summary>The load test as a quality metric: a channel that requires it is missed without a run, or with a run that missed its limits.</summary>
public class LoadTestMetricTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private static readonly QualityPolicy Policy = new(new Dictionary<ReleaseChannel, ChannelThresholds>
    {
        [ReleaseChannel.Stable] = new() { MinimumUnitTests = 1, RequireLoadTestPassing = true },
        [ReleaseChannel.Beta] = new() { MinimumUnitTests = 1 },
    });

    private static QualityMetrics Metrics(LoadTestResult? load) =>
        new(new TestCounts(10, 0), 90, 80, new VulnerabilityCounts(0, 0), new TestCounts(5, 0), []) { LoadTest = load };

    [Test]
    public void A_passed_load_test_meets_the_channel_that_requires_it() =>
        Assert.That(new ChannelSelector(Policy, new FakeTimeProvider(Now)).Select(Metrics(new("pre-prod", true, 12, 30, 0, 19.8, [])), ReleaseChannel.Stable).MetTarget, Is.True);

    [Test]
    public void A_missing_or_failed_load_test_misses_it_naming_the_breach()
    {
        var selector = new ChannelSelector(Policy, new FakeTimeProvider(Now));
        var missing = selector.Select(Metrics(null), ReleaseChannel.Stable);
        var failed = selector.Select(Metrics(new("pre-prod", false, 41, 80, 0, 19.8, ["p95 latency was 41 ms, the limit is <= 0.5 ms"])), ReleaseChannel.Stable);

        Assert.That((missing.Channel, missing.TargetFailures.Single().Actual), Is.EqualTo((ReleaseChannel.Beta, "not run")));
        Assert.That(failed.TargetFailures.Single().ToString(), Does.Contain("load test").And.Contain("p95 latency was 41 ms, the limit is <= 0.5 ms"));
    }
}
