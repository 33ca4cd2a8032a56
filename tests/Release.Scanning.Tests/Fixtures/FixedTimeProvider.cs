namespace Release.Scanning.Tests.Fixtures;

/// <summary>A clock that always says the same instant, so dates in outputs and expiry checks are reproducible.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    /// <summary>2026-11-22 10:00 UTC.</summary>
    public static FixedTimeProvider Default => new(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}
