namespace Release.Delivery.Verify;

/// <summary>
/// The load a LoadTest applies, declared in the build definition: <see cref="Rate"/> requests per second at fixed,
/// evenly spaced send times (open loop: a slow answer never delays the next request) for <see cref="Duration"/>.
/// </summary>
/// <param name="Path">The path (and query) requested under the environment's URL, e.g. <c>/health</c>.</param>
/// <param name="Rate">Requests per second.</param>
/// <param name="Duration">How long the load is applied.</param>
public sealed record LoadProfile(string Path, double Rate, TimeSpan Duration)
{
    /// <summary>How long one request may take before it counts as an error (default 10 s).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Requests sent before measuring, to warm connections and the JIT; not counted (default 0).</summary>
    public int WarmUpRequests { get; init; }

    /// <summary>The number of requests the run schedules.</summary>
    public int Requests => (int)Math.Max(1, Math.Round(Rate * Duration.TotalSeconds));

    /// <summary>Checks the profile is possible; the message names the field and the fix.</summary>
    /// <exception cref="ArgumentException">A path not starting with '/', a rate or duration not above zero, or more than a million
    /// requests.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Path) || !Path.StartsWith('/'))
            throw new ArgumentException($"LoadTestProfile: the path '{Path}' must start with '/' (it is appended to the environment's URL).");
        if (double.IsNaN(Rate) || Rate <= 0 || Rate > 100_000)
            throw new ArgumentException($"LoadTestProfile: the rate {Rate} requests/s must be above 0 and at most 100000.");
        if (Duration <= TimeSpan.Zero || Duration > TimeSpan.FromHours(2))
            throw new ArgumentException($"LoadTestProfile: the duration {Duration} must be above zero and at most 2 hours.");
        if (Rate * Duration.TotalSeconds > 1_000_000)
            throw new ArgumentException(
                $"LoadTestProfile: {Rate} requests/s for {Duration} is over a million requests; lower the rate or the duration.");
        if (RequestTimeout <= TimeSpan.Zero)
            throw new ArgumentException("LoadTestProfile: RequestTimeout must be above zero.");
    }
}
