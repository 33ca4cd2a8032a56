namespace Release.Process.Verification;

/// <summary>
/// What a load test must reach, declared in the build definition. Every limit is optional (null = not checked), so a
/// build declares only what it cares about; a test with no limit at all is refused (a run that judges nothing is not green).
/// </summary>
public sealed record LoadLimits
{
    /// <summary>Highest allowed 95th percentile latency, measured from each request's intended send time.</summary>
    public TimeSpan? P95Latency { get; init; }

    /// <summary>Highest allowed 99th percentile latency, measured from each request's intended send time.</summary>
    public TimeSpan? P99Latency { get; init; }

    /// <summary>Highest allowed share of failed requests (transport errors and non-2xx answers), as a ratio 0–1 (0.01 = one in a hundred).</summary>
    public double? MaximumErrorRate { get; init; }

    /// <summary>Lowest allowed rate of successful answers, in requests per second.</summary>
    public double? MinimumThroughput { get; init; }

    /// <summary>Whether any limit is declared.</summary>
    public bool Any => P95Latency is not null || P99Latency is not null || MaximumErrorRate is not null || MinimumThroughput is not null;

    /// <summary>Checks the limits are possible; the message names the field and the fix.</summary>
    /// <param name="where">Where the limits are declared, for the message.</param>
    /// <exception cref="ArgumentException">No limit, a negative latency or throughput, or an error rate outside 0–1.</exception>
    public void Validate(string where)
    {
        if (!Any)
            throw new ArgumentException(
                $"{where}: no load limit is declared; declare at least one of P95Latency, P99Latency, MaximumErrorRate, MinimumThroughput.");
        if (P95Latency <= TimeSpan.Zero || P99Latency <= TimeSpan.Zero)
            throw new ArgumentException($"{where}: latency limits must be above zero (got p95 {P95Latency}, p99 {P99Latency}).");
        if (MaximumErrorRate is { } rate && (double.IsNaN(rate) || rate is < 0 or > 1))
            throw new ArgumentException(
                $"{where}: MaximumErrorRate is {rate}; use a ratio between 0 and 1 (0.01 = one failed request in a hundred).");
        if (MinimumThroughput is { } throughput && (double.IsNaN(throughput) || throughput < 0))
            throw new ArgumentException($"{where}: MinimumThroughput is {throughput}; use requests per second, 0 or more.");
    }
}
