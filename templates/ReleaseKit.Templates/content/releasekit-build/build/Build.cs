using Release.CI;
using Release.Engine;
using Release.Engine.Hosting;
using Release.Stages.Clone;
using Release.Stages.Scan;
using Release.Stages.UnitTest;

/// <summary>
/// This repository's build, made of the ReleaseKit stage components: Clone, UnitTest (with coverage) and Scan (SBOM
/// and vulnerabilities). Mix in more (Release.Delivery's IChart, IDeploy, IIntegrate; Release.Releasing's IRelease)
/// as the team needs them; override a component's target with <c>Target IScan.Scan => _ => _.Base()...</c>.
/// </summary>
class Build : Release.Engine.Build, IUnitTest, IScan, IContinuousIntegration
{
    public static Task<int> Main(string[] args) => BuildHost.RunConsoleAsync<Build>(args, x => x.Pipeline);

    /// <summary>The default target: every stage this build has.</summary>
    Target Pipeline => _ => _
        .Description("Runs the module's stages: clone, unit tests with coverage, SBOM and vulnerability scan")
        .DependsOn<IUnitTest>(x => x.UnitTest)
        .DependsOn<IScan>(x => x.Scan);

    /// <summary>The CI jobs: <c>./build.sh GenerateCI</c> writes .gitlab-ci.yml and azure-pipelines.yml from this.</summary>
    CiConfiguration IContinuousIntegration.Ci => new CiConfiguration()
        .OnBranches("main", "master").OnMergeRequests()
        .RunInEveryJob(nameof(IClone.Clone))
        .Job(nameof(IContinuousIntegration.CheckCI))
        .Job(nameof(IUnitTest.UnitTest))
        .Reports(nameof(IUnitTest.UnitTest), junit: "artifacts/unit-tests/*.junit.xml", coberturaCoverage: "artifacts/unit-tests/*.cobertura.xml")
        .Job(nameof(IScan.Scan));
}
