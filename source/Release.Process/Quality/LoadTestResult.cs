namespace Release.Process.Quality;

/// <summary>A load test's outcome as a quality metric: whether it met its declared limits, and the figures.</summary>
/// <param name="Environment">Where it ran (e.g. pre-prod).</param>
/// <param name="Passed">Whether every declared limit was met.</param>
/// <param name="P95Ms">95th percentile latency in milliseconds.</param>
/// <param name="P99Ms">99th percentile latency in milliseconds.</param>
/// <param name="ErrorRate">Failed requests as a ratio 0–1.</param>
/// <param name="Throughput">Successful answers per second.</param>
/// <param name="Breaches">The limits missed, as people read them.</param>
public sealed record LoadTestResult(
    string Environment,
    bool Passed,
    double P95Ms,
    double P99Ms,
    double ErrorRate,
    double Throughput,
    IReadOnlyList<string> Breaches);
