using Release.Engine;

namespace Release.CI.Tests.Builds;

/// <summary>A pipeline run for real with gitlab-ci-local: compile, test and pack in parallel, deploy to environments.</summary>
public sealed class PipelineBuild : Build, IContinuousIntegration
{
    [Parameter("Environment to deploy to")] readonly string Environment = "";

    Target Restore => _ => _.Executes(() => { });
    Target Compile => _ => _.DependsOn(Restore).Produces("artifacts/bin/*.dll").Executes(() => { });
    Target Test => _ => _.DependsOn(Compile).Consumes(Compile).Produces("artifacts/tests/*.xml").Executes(() => { });
    Target Pack => _ => _.DependsOn(Compile).Consumes(Compile).Produces("artifacts/packages/*.nupkg").Executes(() => { });
    Target Deploy => _ => _.DependsOn(Pack, Test).Consumes(Pack).Executes(() => { });

    CiConfiguration IContinuousIntegration.Ci => new CiConfiguration()
        .OnBranches("main", "staging")
        .Job(nameof(Test))
        .Job(nameof(Pack))
        .Reports(nameof(Test), junit: "artifacts/tests/*.xml")
        .Deploy(nameof(Deploy), "staging", ["staging"])
        .Deploy(nameof(Deploy), "production", ["main"], manual: true)
        .CacheNuGetPackages()
        .UseGitLab(image: "mcr.microsoft.com/dotnet/sdk:10.0");
}
