using Release.Engine;

namespace Release.CI.Tests.Builds;

/// <summary>Publish consumes Pack's artifacts without depending on it, and no job runs Pack.</summary>
public sealed class ConsumesOutsidePipelineBuild : Build, IContinuousIntegration
{
    Target Pack => _ => _.Produces("artifacts/packages/*.nupkg").Executes(() => { });
    Target Publish => _ => _.Consumes(Pack).Executes(() => { });

    CiConfiguration IContinuousIntegration.Ci => new CiConfiguration().Job(nameof(Publish));
}

/// <summary>TestUnit and Test_Unit both become GitLab job test-unit.</summary>
public sealed class ClashingNamesBuild : Build, IContinuousIntegration
{
    Target TestUnit => _ => _.Executes(() => { });
    Target Test_Unit => _ => _.Executes(() => { });

    CiConfiguration IContinuousIntegration.Ci => new CiConfiguration().Job(nameof(TestUnit)).Job(nameof(Test_Unit));
}

/// <summary>Tèst and T_st both become Azure identifier T_st.</summary>
public sealed class AzureClashBuild : Build, IContinuousIntegration
{
    Target Tèst => _ => _.Executes(() => { });
    Target T_st => _ => _.Executes(() => { });

    CiConfiguration IContinuousIntegration.Ci => new CiConfiguration().Job(nameof(Tèst)).Job(nameof(T_st));
}

/// <summary>A target named Variables would become GitLab's reserved <c>variables</c> keyword.</summary>
public sealed class ReservedNameBuild : Build, IContinuousIntegration
{
    Target Variables => _ => _.Executes(() => { });

    CiConfiguration IContinuousIntegration.Ci => new CiConfiguration().Job(nameof(Variables));
}

/// <summary>Imports ApiToken, which is declared as a plain parameter, and DeployKey, which is not declared at all.</summary>
public sealed class UndeclaredSecretBuild : Build, IContinuousIntegration
{
    [Parameter] readonly string ApiToken = "";

    Target Deploy => _ => _.Executes(() => { });

    CiConfiguration IContinuousIntegration.Ci => new CiConfiguration().Job(nameof(Deploy)).ImportSecrets(nameof(ApiToken), "DeployKey");
}

/// <summary>Deploys on a branch rule that was never declared, and declares a malformed one.</summary>
public sealed class UnknownBranchRuleBuild : Build, IContinuousIntegration
{
    Target Deploy => _ => _.Executes(() => { });

    CiConfiguration IContinuousIntegration.Ci => new CiConfiguration()
        .OnBranches("main", "feature/*/wip")
        .Deploy(nameof(Deploy), "production", ["mian"]);
}

/// <summary>Schedules with wrong cron expressions.</summary>
public sealed class BadScheduleBuild : Build, IContinuousIntegration
{
    Target Nightly => _ => _.Executes(() => { });
    Target Weekly => _ => _.Executes(() => { });
    Target Monthly => _ => _.Executes(() => { });

    CiConfiguration IContinuousIntegration.Ci => new CiConfiguration()
        .Schedule(nameof(Nightly), "0 2 * *", name: "nightly")
        .Schedule(nameof(Weekly), "0 25 * * 1", name: "weekly")
        .Schedule(nameof(Monthly), "0 2 1 1-13 *", name: "monthly");
}

/// <summary>Names a job target that does not exist.</summary>
public sealed class UnknownTargetBuild : Build, IContinuousIntegration
{
    Target Compile => _ => _.Executes(() => { });

    CiConfiguration IContinuousIntegration.Ci => new CiConfiguration().Job("Compiel");
}

/// <summary>Deploys without an Environment parameter, and names a parameter that does not exist for another deployment.</summary>
public sealed class NoEnvironmentParameterBuild : Build, IContinuousIntegration
{
    Target Deploy => _ => _.Executes(() => { });

    CiConfiguration IContinuousIntegration.Ci => new CiConfiguration()
        .OnBranches("main", "staging")
        .Deploy(nameof(Deploy), "staging", ["staging"])
        .Deploy(nameof(Deploy), "production", ["main"], parameter: "Stage");
}

/// <summary>RunInEveryJob on a target that is also a job and depends on another target; Variables naming a secret and a missing parameter.</summary>
public sealed class BadEveryJobBuild : Build, IContinuousIntegration
{
    [Parameter, Secret] readonly string Token = "";

    Target Restore => _ => _.Executes(() => { });
    Target Clone => _ => _.DependsOn(Restore).Executes(() => { });
    Target Compile => _ => _.DependsOn(Clone).Executes(() => { });

    CiConfiguration IContinuousIntegration.Ci => new CiConfiguration()
        .Job(nameof(Compile))
        .Job(nameof(Clone))
        .RunInEveryJob(nameof(Clone))
        .Variables(nameof(Token), "Registry");
}
