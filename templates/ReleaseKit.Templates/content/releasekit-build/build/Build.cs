using Release.CI;
using Release.Delivery.Chart;
using Release.Delivery.Deploy;
using Release.Delivery.Integrate;
using Release.Engine;
using Release.Engine.Hosting;
using Release.Pipeline;
using Release.Stages.BuildImage;
using Release.Stages.Clone;
using Release.Stages.Scan;
using Release.Stages.UnitTest;

/// <summary>
/// This repository's build, made of the ReleaseKit stage components: the whole pipeline, Clone, Build (container
/// image), UnitTest (with coverage), Scan (SBOM and vulnerabilities), Push, Chart, Deploy (local by default) and
/// Integrate (the module's integration tests against the deployment). Without --registry and --base-image it runs on
/// embedded defaults: a registry on 127.0.0.1 for the run and a base image assembled from this machine's .NET runtime.
/// Override a component's target with <c>Target IScan.Scan => _ => _.Base()...</c>; add environments by overriding
/// <c>IDeploy.Environments</c>; the release process (Release.Releasing's IRelease) mixes in the same way.
/// </summary>
class Build : Release.Engine.Build, IUnitTest, IScan, IUpdateAdvisories, IChart, IDeploy, IIntegrate, IContinuousIntegration
{
    public static Task<int> Main(string[] args) => BuildHost.RunConsoleAsync<Build>(args, x => x.Pipeline);

    /// <summary>The default target: every stage, from clone to an integration-tested deployment.</summary>
    Target Pipeline => _ => _
        .Description("Runs the module's eight stages: clone to integration-tested deployment")
        .DependsOn<IUnitTest>(x => x.UnitTest)
        .DependsOn<IScan>(x => x.Scan)
        .DependsOn<IIntegrate>(x => x.Integrate);

    /// <summary>The CI jobs: <c>./build.sh GenerateCI</c> writes .gitlab-ci.yml and azure-pipelines.yml from this.</summary>
    CiConfiguration IContinuousIntegration.Ci => new CiConfiguration()
        .OnBranches("main", "master").OnMergeRequests()
        // The local deployer runs the module on the job's own machine and stops it when the job ends, so the deployment
        // and its integration tests are one job: the local environment's deploy target is Integrate (it depends on Deploy).
        .Deploy(nameof(IIntegrate.Integrate), "local", ["main", "master"], parameter: nameof(IDeploy.Environment))
        .RunInEveryJob(nameof(IClone.Clone))
        .Job(nameof(IContinuousIntegration.CheckCI))
        .Job(nameof(IUnitTest.UnitTest))
        .Reports(nameof(IUnitTest.UnitTest), junit: "artifacts/modules/*/unit-tests/*.junit.xml", coberturaCoverage: "artifacts/modules/*/unit-tests/*.cobertura.xml",
            coverageLine: @"Line coverage: (\d+(?:\.\d+)?)%")
        .Job(nameof(IScan.Scan))
        .Reports(nameof(IScan.Scan), containerScanning: "artifacts/modules/*/scan/gl-container-scanning-report.json", cyclonedx: "artifacts/modules/*/scan/sbom-*.cdx.json")
        .Reports(nameof(IIntegrate.Integrate), junit: "artifacts/modules/*/integration/junit.xml")
        // Jobs hand the image on through a registry that outlives them: the team's, set as these CI variables.
        .Variables(nameof(IBuildImage.Registry), nameof(IBuildImage.BaseImage), nameof(IPipeline.RegistryUsername))
        .ImportSecrets(nameof(IPipeline.RegistryPassword));
}
