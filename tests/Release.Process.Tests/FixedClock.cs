namespace Release.Process.Tests;

/// <summary>A clock that always says the same instant, so rules that read time are deterministic.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
