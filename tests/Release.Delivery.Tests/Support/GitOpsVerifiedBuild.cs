using Release.Delivery.Deploy;
using Release.Delivery.Integrate;
using Release.Delivery.Verify;
using Release.Engine;

namespace Release.Delivery.Tests.Support;

/// <summary>
/// A build with sanity checks and one GitOps environment, <c>cluster</c>, whose URL is given per run (a loopback
/// server playing the cluster Flux applies the commit to).
/// </summary>
internal sealed class GitOpsVerifiedBuild : Build, IVerifyDeployment, IIntegrate
{
    [Parameter("Test: the URL the cluster serves the environment at")]
    readonly string ClusterUrl = "http://127.0.0.1:9";

    IEnumerable<EnvironmentDefinition> IDeploy.Environments =>
    [
        new("cluster", Deployers.GitOps, "director-cluster", "*") { Url = ClusterUrl },
    ];
}
