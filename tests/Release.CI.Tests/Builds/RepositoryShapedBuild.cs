using Release.Engine;

namespace Release.CI.Tests.Builds;

/// <summary>
/// Shaped like this repository's own pipeline: Clone prepares a workspace in every job; Build, UnitTest and Scan;
/// Push consumes Build's image record by file glob; Chart, Deploy per environment; Integrate after each deployment;
/// a nightly schedule of the whole Pipeline; a secret and the team's registry as CI variables.
/// </summary>
public sealed class RepositoryShapedBuild : Build, IContinuousIntegration
{
    [Parameter("Environment to deploy to")] readonly string Environment = "";
    [Parameter("Registry to push the image to")] readonly string Registry = "";
    [Parameter("Password for the registry"), Secret] readonly string RegistryPassword = "";

    Target Clone => _ => _.Produces("artifacts/clone/source.json").Executes(() => { });
    Target Build => _ => _.DependsOn(Clone).Produces("artifacts/build/**").Executes(() => { });
    Target UnitTest => _ => _.DependsOn(Clone).After(Build).Produces("artifacts/unit-tests/**").Executes(() => { });
    Target Scan => _ => _.DependsOn(Build, UnitTest).Consumes(Build).Produces("artifacts/scan/**").Executes(() => { });
    Target Push => _ => _.DependsOn(Build).After(UnitTest, Scan).Consumes("artifacts/build/image.json").Produces("artifacts/push/push.json").Requires(() => RegistryPassword).Executes(() => { });
    Target Chart => _ => _.DependsOn(Push).Produces("artifacts/chart/**").Executes(() => { });
    Target Deploy => _ => _.DependsOn(Chart, Push).Produces("artifacts/deploy/*.json").Executes(() => { });
    Target Integrate => _ => _.DependsOn(Deploy).Produces("artifacts/integration/**").Executes(() => { });
    Target Pipeline => _ => _.DependsOn(UnitTest, Scan, Integrate).Executes(() => { });

    CiConfiguration IContinuousIntegration.Ci => new CiConfiguration()
        .StandardEnvironments(nameof(Deploy))
        .RunInEveryJob(nameof(Clone))
        .Job(nameof(UnitTest))
        .Reports(nameof(UnitTest), junit: "artifacts/unit-tests/*.junit.xml")
        .Job(nameof(Scan))
        .Job(nameof(Integrate))
        .Schedule(nameof(Pipeline), "0 2 * * 1-5")
        .ImportSecrets(nameof(RegistryPassword))
        .Variables(nameof(Registry));
}
