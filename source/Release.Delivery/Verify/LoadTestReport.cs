using Release.Process.Verification;

namespace Release.Delivery.Verify;

/// <summary>
/// What LoadTest writes to <c>artifacts/load-test/report.json</c> (and the evidence bundle copies): the load applied,
/// the limits, the figures, every limit not met, and latency percentiles per second of the run. The quality gate
/// reads it as a metric; latencies are in milliseconds.
/// </summary>
/// <param name="Module">The module tested.</param>
/// <param name="Environment">The environment tested.</param>
/// <param name="Url">The URL requested.</param>
/// <param name="Version">The version deployed there.</param>
/// <param name="ImageDigest">Its image digest, when known.</param>
/// <param name="Generator">The load generator and its model.</param>
/// <param name="Rate">Requests per second scheduled.</param>
/// <param name="DurationSeconds">Seconds of load scheduled.</param>
/// <param name="Limits">The declared limits.</param>
/// <param name="Measured">The figures.</param>
/// <param name="Breaches">The limits not met; empty when passed.</param>
/// <param name="Passed">Whether every limit was met.</param>
/// <param name="FinishedAt">When the run ended.</param>
/// <param name="Timeline">Percentiles per second of intended send time.</param>
public sealed record LoadTestReport(
    string Module, string Environment, string Url, string Version, string? ImageDigest, string Generator, double Rate, double DurationSeconds,
    LoadLimitsFigures Limits, LoadFigures Measured, IReadOnlyList<LimitBreach> Breaches, bool Passed, DateTimeOffset FinishedAt,
    IReadOnlyList<LoadWindow> Timeline);

/// <summary>The declared limits as numbers (milliseconds, ratio, requests per second); null where none is declared.</summary>
/// <param name="P95Ms">p95 latency limit.</param>
/// <param name="P99Ms">p99 latency limit.</param>
/// <param name="MaximumErrorRate">Error rate limit, 0–1.</param>
/// <param name="MinimumThroughput">Throughput limit.</param>
public sealed record LoadLimitsFigures(double? P95Ms, double? P99Ms, double? MaximumErrorRate, double? MinimumThroughput)
{
    /// <summary>The figures of <paramref name="limits"/>.</summary>
    public static LoadLimitsFigures From(LoadLimits limits) =>
        new(limits.P95Latency?.TotalMilliseconds, limits.P99Latency?.TotalMilliseconds, limits.MaximumErrorRate, limits.MinimumThroughput);
}

/// <summary>What a run measured, as numbers.</summary>
/// <param name="Requests">Requests sent.</param>
/// <param name="Errors">Requests failed.</param>
/// <param name="ErrorRate">Errors / requests.</param>
/// <param name="Throughput">Successful answers per second.</param>
/// <param name="P50Ms">Median latency.</param>
/// <param name="P95Ms">95th percentile.</param>
/// <param name="P99Ms">99th percentile.</param>
/// <param name="MaxMs">Highest latency.</param>
public sealed record LoadFigures(
    int Requests,
    int Errors,
    double ErrorRate,
    double Throughput,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double MaxMs)
{
    /// <summary>The figures of <paramref name="m"/>.</summary>
    public static LoadFigures From(LoadMeasurement m) =>
        new(
            m.Requests,
            m.Errors,
            m.ErrorRate,
            m.Throughput,
            m.P50.TotalMilliseconds,
            m.P95.TotalMilliseconds,
            m.P99.TotalMilliseconds,
            m.Max.TotalMilliseconds);
}

/// <summary>One second of a run (by intended send time).</summary>
/// <param name="Second">Seconds from the start.</param>
/// <param name="Requests">Requests due in that second.</param>
/// <param name="Errors">Of which failed.</param>
/// <param name="P50Ms">Median latency.</param>
/// <param name="P95Ms">95th percentile.</param>
/// <param name="P99Ms">99th percentile.</param>
public sealed record LoadWindow(int Second, int Requests, int Errors, double P50Ms, double P95Ms, double P99Ms)
{
    /// <summary>The per-second windows of <paramref name="samples"/>.</summary>
    public static IReadOnlyList<LoadWindow> Of(IReadOnlyList<LoadSample> samples) =>
        samples.GroupBy(s => (int)s.IntendedAt.TotalSeconds).OrderBy(g => g.Key).Select(g =>
        {
            var sorted = g.Select(s => s.Latency).Order().ToArray();
            return new LoadWindow(g.Key, sorted.Length, g.Count(s => s.Error is not null), LatencyPercentiles.Of(sorted, 50).TotalMilliseconds,
                LatencyPercentiles.Of(sorted, 95).TotalMilliseconds, LatencyPercentiles.Of(sorted, 99).TotalMilliseconds);
        }).ToList();
}
