using Microsoft.Extensions.Time.Testing;

namespace Release.Scanning.Tests.Fixtures;

/// <summary>The instant the fixtures are dated against, so dates in outputs and expiry checks are reproducible.</summary>
internal static class FixtureClock
{
    /// <summary>A clock standing at 2026-11-22 10:00 UTC (a new one each time: tests never share a clock).</summary>
    public static FakeTimeProvider Default => new(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
}
