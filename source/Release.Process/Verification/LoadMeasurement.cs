namespace Release.Process.Verification;

/// <summary>
/// What one open-loop load test measured. Latencies are taken from each request's intended send time (not the moment
/// it was actually sent), so a stalled server shows up as latency instead of as fewer requests.
/// </summary>
/// <param name="Requests">Requests scheduled and sent.</param>
/// <param name="Errors">Requests that failed: transport errors, timeouts and answers outside 2xx.</param>
/// <param name="Duration">From the first intended send time to the last answer.</param>
/// <param name="P50">Median latency.</param>
/// <param name="P95">95th percentile latency.</param>
/// <param name="P99">99th percentile latency.</param>
/// <param name="Max">Highest latency.</param>
public sealed record LoadMeasurement(int Requests, int Errors, TimeSpan Duration, TimeSpan P50, TimeSpan P95, TimeSpan P99, TimeSpan Max)
{
    /// <summary>Failed requests as a ratio 0–1; 0 when none was sent.</summary>
    public double ErrorRate => Requests == 0 ? 0 : (double)Errors / Requests;

    /// <summary>Successful answers per second over the whole run.</summary>
    public double Throughput => Duration <= TimeSpan.Zero ? 0 : (Requests - Errors) / Duration.TotalSeconds;
}
