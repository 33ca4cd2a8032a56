using Release.CI;
using Release.Delivery.Deploy;

namespace Release.Build;

/// <summary>
/// The CI files this repository commits: the same targets as <c>./build.sh</c>, as GitLab and Azure DAGs.
/// <c>./build.sh GenerateCI</c> writes them; CI runs <c>./build.sh CheckCI</c> so they never drift.
/// Clone checks the sample out into .nuke/temp/workspace, which is no artifact, so it runs in every job that needs
/// the workspace; the nightly schedule runs the whole Pipeline in one job (deploying to the default, local environment).
/// </summary>
partial class Build
{
    CiConfiguration IContinuousIntegration.Ci => new CiConfiguration()
        .StandardEnvironments(nameof(IDeploy.Deploy), parameter: nameof(IDeploy.Environment))
        .RunInEveryJob(nameof(Stages.Clone.IClone.Clone))
        .OnBranches("develop", "release/*", "hotfix/*")
        .Partition(nameof(Test), 2)
        .Job(nameof(IContinuousIntegration.CheckCI))
        .Job(nameof(Stages.UnitTest.IUnitTest.UnitTest))
        .Reports(nameof(Stages.UnitTest.IUnitTest.UnitTest), junit: "artifacts/unit-tests/*.junit.xml", coberturaCoverage: "artifacts/unit-tests/*.cobertura.xml")
        .Job(nameof(Stages.Scan.IScan.Scan))
        .Reports(nameof(Stages.Scan.IScan.Scan), containerScanning: "artifacts/scan/gl-container-scanning-report.json", cyclonedx: "artifacts/scan/sbom-*.cdx.json")
        .Job(nameof(Delivery.Integrate.IIntegrate.Integrate))
        .Reports(nameof(Delivery.Integrate.IIntegrate.Integrate), junit: "artifacts/integration/junit.xml")
        .Schedule(nameof(Pipeline), "0 2 * * 1-5", name: "nightly")
        .ImportSecrets(nameof(IDeploy.SlackWebhook), nameof(Delivery.Push.IPush.RegistryPassword))
        .Variables(nameof(Stages.BuildImage.IBuildImage.Registry), nameof(Stages.BuildImage.IBuildImage.BaseImage), nameof(Delivery.Push.IPush.RegistryUsername))
        .CacheNuGetPackages()
        .UseGitLab()
        .UseAzure();
}
