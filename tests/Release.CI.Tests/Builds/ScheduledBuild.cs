using Release.Engine;

namespace Release.CI.Tests.Builds;

/// <summary>Push pipelines compile and test; a nightly schedule runs the long tests after compiling.</summary>
public sealed class ScheduledBuild : Build, IContinuousIntegration
{
    Target Compile => _ => _.Produces("artifacts/bin/**").Executes(() => { });
    Target Test => _ => _.DependsOn(Compile).Consumes(Compile).Executes(() => { });
    Target Version => _ => _.Produces("artifacts/version.env").Executes(() => { });
    Target Nightly => _ => _.DependsOn(Compile, Version).Consumes(Compile).Executes(() => { });

    CiConfiguration IContinuousIntegration.Ci => new CiConfiguration()
        .OnBranches("main")
        .Job(nameof(Compile))
        .Job(nameof(Test))
        .Reports(nameof(Version), dotenv: "artifacts/version.env")
        .Schedule(nameof(Nightly), "0 2 * * 1-5");
}
