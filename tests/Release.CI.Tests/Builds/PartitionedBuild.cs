using Release.Engine;

namespace Release.CI.Tests.Builds;

/// <summary>Tests split over three partition jobs; a report target triggered by Test gathers their results.</summary>
public sealed class PartitionedBuild : Build, IContinuousIntegration
{
    Target Compile => _ => _.Produces("artifacts/bin/**").Executes(() => { });
    Target Test => _ => _.DependsOn(Compile).Consumes(Compile).Triggers(Report).Produces("artifacts/tests/*.xml").Executes(() => { });
    Target Report => _ => _.Consumes(Test).Produces("artifacts/report/index.html").Executes(() => { });
    Target Lint => _ => _.Executes(() => { });
    Target ScanImage => _ => _.DependsOn(Compile).After(Lint).Produces("artifacts/scan/*.json").Executes(() => { });

    CiConfiguration IContinuousIntegration.Ci => new CiConfiguration()
        .Partition(nameof(Test), 3)
        .Reports(nameof(Test), junit: "artifacts/tests/*.xml")
        .Job(nameof(Lint))
        .Job(nameof(ScanImage))
        .Reports(nameof(ScanImage), containerScanning: "artifacts/scan/container.json", cyclonedx: "artifacts/scan/sbom.json");
}
