using Release.Process.Quality;

namespace Release.Releasing.Quality;

/// <summary>What QualityGate writes to <c>artifacts/release/channel.json</c>.</summary>
/// <param name="Version">The version judged.</param>
/// <param name="Target">The channel the branch aims for.</param>
/// <param name="Channel">The channel chosen, or null when not releasable.</param>
/// <param name="Releasable">True when some channel was met.</param>
/// <param name="Failures">Every missed rule, as "channel: metric is actual, required …".</param>
/// <param name="Metrics">The metrics judged.</param>
/// <param name="DecidedAt">When.</param>
public sealed record ChannelRecord(string Version, string Target, string? Channel, bool Releasable,
    IReadOnlyList<string> Failures, QualityMetrics Metrics, DateTimeOffset DecidedAt);
