using Release.Engine;

namespace Release.CI.Tests.Builds;

/// <summary>The seed promotion: staging branch to staging, merge requests to pre-prod, main/master to production (manual).</summary>
public sealed class EnvironmentsBuild : Build, IContinuousIntegration
{
    [Parameter("Environment to deploy to")] readonly string Environment = "";
    [Parameter, Secret] readonly string KubeConfig = "";
    [Parameter, Secret] readonly string RegistryPassword = "";

    Target Compile => _ => _.Produces("artifacts/bin/**").Executes(() => { });
    Target Pack => _ => _.DependsOn(Compile).Consumes(Compile).Produces("artifacts/charts/*.tgz").Executes(() => { });
    Target PushImage => _ => _.DependsOn(Pack).Requires(() => RegistryPassword).Executes(() => { });
    Target Deploy => _ => _.DependsOn(PushImage).Consumes(Pack).Requires(() => KubeConfig).Executes(() => { });

    CiConfiguration IContinuousIntegration.Ci => new CiConfiguration()
        .Job(nameof(Pack))
        .StandardEnvironments(nameof(Deploy))
        // A kubeconfig is a file: the headers say to provide it as one (GitLab type File, Azure secure file).
        .ImportSecretFiles(nameof(KubeConfig))
        .ImportSecrets(nameof(RegistryPassword))
        .UseAzure(poolName: "bank-linux-agents");
}
