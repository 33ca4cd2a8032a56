namespace Release.Process.Verification;

/// <summary>One declared limit a load test did not meet, with the measured figure and the limit, as people read them.</summary>
/// <param name="Metric">E.g. <c>p95 latency</c>.</param>
/// <param name="Measured">E.g. <c>41.2 ms</c>.</param>
/// <param name="Limit">E.g. <c>&lt;= 0.5 ms</c>.</param>
public sealed record LimitBreach(string Metric, string Measured, string Limit)
{
    /// <inheritdoc />
    public override string ToString() => $"{Metric} was {Measured}, the limit is {Limit}";
}
