using Release.Process.Verification;

namespace Release.Process.Tests.Verification;

public class LoadVerdictTests
{
    private static TimeSpan Ms(double value) => TimeSpan.FromMilliseconds(value);

    private static LoadMeasurement Run(int requests = 100, int errors = 0, double p95 = 40, double p99 = 80, double seconds = 10) =>
        new(requests, errors, TimeSpan.FromSeconds(seconds), Ms(10), Ms(p95), Ms(p99), Ms(p99 + 5));

    [Test]
    public void A_run_within_every_limit_has_no_breach() =>
        Assert.That(LoadVerdict.Check(Run(), new LoadLimits { P95Latency = Ms(50), P99Latency = Ms(100), MaximumErrorRate = 0, MinimumThroughput = 9 }), Is.Empty);

    [Test]
    public void Every_missed_limit_is_named_with_the_measured_figure_and_the_limit()
    {
        var breaches = LoadVerdict.Check(Run(errors: 3, p95: 41.234, p99: 250), new LoadLimits
        {
            P95Latency = Ms(0.5), P99Latency = Ms(200), MaximumErrorRate = 0.01, MinimumThroughput = 20,
        });

        Assert.That(breaches.Select(b => b.ToString()), Is.EqualTo(new[]
        {
            "p95 latency was 41.23 ms, the limit is <= 0.5 ms",
            "p99 latency was 250 ms, the limit is <= 200 ms",
            "error rate was 0.03 (3 of 100), the limit is <= 0.01",
            "throughput was 9.7 requests/s, the limit is >= 20 requests/s",
        }));
    }

    [Test]
    public void A_run_that_sent_nothing_fails_whatever_the_limits() =>
        Assert.That(LoadVerdict.Check(new LoadMeasurement(0, 0, TimeSpan.Zero, default, default, default, default), new LoadLimits { MaximumErrorRate = 1 })
            .Single().Metric, Is.EqualTo("requests sent"));

    [Test]
    public void Percentiles_are_nearest_rank_so_a_reported_p99_is_a_latency_some_request_had()
    {
        var latencies = Enumerable.Range(1, 200).Select(i => Ms(i)).Reverse().ToList();
        var measured = LatencyPercentiles.Measure(latencies, errors: 2, TimeSpan.FromSeconds(4));
        Assert.That((measured.P50, measured.P95, measured.P99, measured.Max), Is.EqualTo((Ms(100), Ms(190), Ms(198), Ms(200))));
        Assert.That((measured.ErrorRate, measured.Throughput), Is.EqualTo((0.01, 49.5)));
        Assert.That(LatencyPercentiles.Of([Ms(7)], 99), Is.EqualTo(Ms(7)));
        Assert.That(LatencyPercentiles.Of([], 95), Is.EqualTo(TimeSpan.Zero));
    }

    [TestCase(null, null, null, null, "no load limit is declared")]
    [TestCase(-1.0, null, null, null, "latency limits must be above zero")]
    [TestCase(null, null, 5.0, null, "MaximumErrorRate is 5; use a ratio between 0 and 1")]
    [TestCase(null, null, null, -3.0, "MinimumThroughput is -3")]
    public void Impossible_limits_are_refused_naming_the_field(double? p95, double? p99, double? errorRate, double? throughput, string message)
    {
        var limits = new LoadLimits
        {
            P95Latency = p95 is null ? null : Ms(p95.Value), P99Latency = p99 is null ? null : Ms(p99.Value), MaximumErrorRate = errorRate, MinimumThroughput = throughput,
        };
        Assert.That(() => limits.Validate("LoadTestLimits"), Throws.ArgumentException.With.Message.StartsWith("LoadTestLimits: ").And.Message.Contain(message));
    }
}
