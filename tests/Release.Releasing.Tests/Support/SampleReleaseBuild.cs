using System.Globalization;
using Release.Releasing.Common;

namespace Release.Releasing.Tests.Support;

/// <summary>
/// This repository's own build definition (build/*.cs, compiled as it is by the RepositoryBuild project) with one
/// thing changed: the release process's clock. Production gates accept votes only inside the seed voting window
/// (16:00-17:00 IST on weekdays) and refuse <c>--ignore-window</c>, so a test that votes at whatever time it runs
/// needs a clock inside a window. It re-implements <see cref="IReleaseProcess"/> for <see cref="IReleaseProcess.Clock"/>
/// only: targets, parameters, environments, gates, deployers and every other member are the build's own. The instant
/// comes from the run's environment (<see cref="ClockVariable"/>), so each run of a test is stamped when the test says.
/// </summary>
internal sealed class SampleReleaseBuild : global::Release.Build.Build, IReleaseProcess
{
    /// <summary>The environment variable holding the run's instant (ISO 8601, round-trip format).</summary>
    public const string ClockVariable = "SAMPLE_RELEASE_FLOW_CLOCK";

    TimeProvider IReleaseProcess.Clock => new FixedClock(DateTimeOffset.Parse(
        Context.Environment.TryGetValue(ClockVariable, out var now) ? now
            : throw new InvalidOperationException($"{nameof(SampleReleaseBuild)} runs need {ClockVariable} in their environment."),
        CultureInfo.InvariantCulture));
}
