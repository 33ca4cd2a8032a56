using System.Globalization;
using Release.Engine;
using Release.Releasing;
using Release.Releasing.Common;

namespace Release.Releasing.Tests.Support;

/// <summary>
/// A build class as a team writes it: the release process mixed in. Only the clock differs from production: it reads
/// the instant the test gives the run (TEST_NOW in the run's own environment), so votes land inside the window.
/// </summary>
public sealed class ReleaseBuild : Build, IRelease
{
    TimeProvider IReleaseProcess.Clock => new FixedClock(DateTimeOffset.Parse(Context.Environment["TEST_NOW"], CultureInfo.InvariantCulture));
}

/// <summary>A clock that always says the same instant.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
