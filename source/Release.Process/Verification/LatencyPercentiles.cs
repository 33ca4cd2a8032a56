namespace Release.Process.Verification;

/// <summary>Percentiles of latency samples by the nearest-rank method (a reported p99 is a latency some request really had).</summary>
public static class LatencyPercentiles
{
    /// <summary>The <paramref name="percentile"/> (0–100) of <paramref name="sorted"/>, which must be in ascending order; zero for no
    /// samples.</summary>
    /// <param name="sorted">Latencies in ascending order.</param>
    /// <param name="percentile">E.g. 95 for p95.</param>
    public static TimeSpan Of(IReadOnlyList<TimeSpan> sorted, double percentile)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (percentile is < 0 or > 100) throw new ArgumentOutOfRangeException(nameof(percentile), percentile, "a percentile is between 0 and 100");
        if (sorted.Count == 0) return TimeSpan.Zero;
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    /// <summary>Measures one run from its samples: latencies (any order), error count and duration.</summary>
    /// <param name="latencies">One latency per request, from its intended send time.</param>
    /// <param name="errors">How many of them failed.</param>
    /// <param name="duration">From the first intended send time to the last answer.</param>
    public static LoadMeasurement Measure(IEnumerable<TimeSpan> latencies, int errors, TimeSpan duration)
    {
        var sorted = latencies.Order().ToArray();
        return new LoadMeasurement(
            sorted.Length,
            errors,
            duration,
            Of(sorted, 50),
            Of(sorted, 95),
            Of(sorted, 99),
            sorted.Length == 0 ? TimeSpan.Zero : sorted[^1]);
    }
}
