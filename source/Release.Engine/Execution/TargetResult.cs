namespace Release.Engine;

/// <summary>The outcome of one planned target, for the summary and for tests.</summary>
public sealed record TargetResult(
    string Name,
    TargetStatus Status,
    TimeSpan Duration,
    string? Reason,
    IReadOnlyList<(string Key, string Value)> Figures);
