namespace Release.Delivery.Verify;

/// <summary>One request of a load test.</summary>
/// <param name="IntendedAt">When it was scheduled to be sent, from the start of the run.</param>
/// <param name="Latency">From the intended send time to the end of the answer (or of the failure).</param>
/// <param name="Status">The HTTP status, or 0 when no answer came.</param>
/// <param name="Error">Why it counts as an error, or null when it succeeded.</param>
public sealed record LoadSample(TimeSpan IntendedAt, TimeSpan Latency, int Status, string? Error);
