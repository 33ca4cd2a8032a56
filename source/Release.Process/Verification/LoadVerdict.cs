using System.Globalization;

namespace Release.Process.Verification;

/// <summary>Compares what a load test measured with the declared limits: every limit not met, by name (not only the first).</summary>
public static class LoadVerdict
{
    /// <summary>The limits <paramref name="measured"/> does not meet; empty when it meets them all. A run that sent nothing fails.</summary>
    /// <param name="measured">What the run measured.</param>
    /// <param name="limits">The declared limits.</param>
    public static IReadOnlyList<LimitBreach> Check(LoadMeasurement measured, LoadLimits limits)
    {
        ArgumentNullException.ThrowIfNull(measured);
        ArgumentNullException.ThrowIfNull(limits);
        var breaches = new List<LimitBreach>();
        if (measured.Requests == 0)
            breaches.Add(new("requests sent", "0", ">= 1 (a load test that sent nothing measured nothing)"));
        if (limits.P95Latency is { } p95 && measured.P95 > p95)
            breaches.Add(new("p95 latency", Milliseconds(measured.P95), $"<= {Milliseconds(p95)}"));
        if (limits.P99Latency is { } p99 && measured.P99 > p99)
            breaches.Add(new("p99 latency", Milliseconds(measured.P99), $"<= {Milliseconds(p99)}"));
        if (limits.MaximumErrorRate is { } rate && measured.ErrorRate > rate)
            breaches.Add(new("error rate", $"{Ratio(measured.ErrorRate)} ({measured.Errors} of {measured.Requests})", $"<= {Ratio(rate)}"));
        if (limits.MinimumThroughput is { } throughput && measured.Throughput < throughput)
            breaches.Add(new("throughput", PerSecond(measured.Throughput), $">= {PerSecond(throughput)}"));
        return breaches;
    }

    /// <summary>A latency as people read it: milliseconds with up to two decimals.</summary>
    /// <param name="latency">The latency.</param>
    public static string Milliseconds(TimeSpan latency) => latency.TotalMilliseconds.ToString("0.##", CultureInfo.InvariantCulture) + " ms";

    private static string Ratio(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string PerSecond(double value) => value.ToString("0.#", CultureInfo.InvariantCulture) + " requests/s";
}
