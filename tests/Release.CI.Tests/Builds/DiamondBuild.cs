using Release.Engine;

namespace Release.CI.Tests.Builds;

/// <summary>Restore, Compile, then Test and Pack side by side, then Publish: the classic diamond, with reports, cache and a secret.</summary>
public sealed class DiamondBuild : Build, IContinuousIntegration
{
    [Parameter("API key for the package feed"), Secret] readonly string NuGetApiKey = "super-secret-value-do-not-print";

    Target Restore => _ => _.Executes(() => { });
    Target Compile => _ => _.DependsOn(Restore).Produces("artifacts/bin/**").Executes(() => { });
    Target Test => _ => _.DependsOn(Compile).Consumes(Compile).Produces("artifacts/tests/*.xml", "artifacts/coverage/*.xml").Executes(() => { });
    Target Pack => _ => _.DependsOn(Compile).Consumes(Compile).Produces("artifacts/packages/*.nupkg").Executes(() => { });
    Target Publish => _ => _.DependsOn(Test, Pack).Consumes(Pack, "artifacts/packages/*.nupkg").Requires(() => NuGetApiKey).Executes(() => { });

    CiConfiguration IContinuousIntegration.Ci => new CiConfiguration()
        .OnBranches("main", "release/*")
        .OnMergeRequests()
        .Job(nameof(Test))
        .Job(nameof(Pack))
        .Job(nameof(Publish))
        .Reports(nameof(Test), junit: "artifacts/tests/*.xml", coberturaCoverage: "artifacts/coverage/cobertura.xml")
        .ImportSecrets(nameof(NuGetApiKey))
        .CacheNuGetPackages()
        .UseGitLab(image: "mcr.microsoft.com/dotnet/sdk:10.0")
        .UseAzure(vmImage: "ubuntu-24.04");
}
