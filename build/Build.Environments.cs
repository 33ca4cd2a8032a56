using Release.Delivery.Deploy;

namespace Release.Build;

/// <summary>
/// Where the sample goes. <c>local</c> runs it on this machine (the main job's default); the others follow the seed
/// process's branch model and deploy through GitOps, the way the bank's clusters are fed.
/// </summary>
partial class Build
{
    IEnumerable<EnvironmentDefinition> IDeploy.Environments =>
    [
        new("local", Deployers.Local, "default", "*"),
        new("staging", Deployers.GitOps, "director-staging", "staging"),
        // Merge requests come from any source branch; the CI rules (merge-request pipelines only) decide, not a branch name.
        new("pre-prod", Deployers.GitOps, "director-preprod", "*"),
        new("production", Deployers.GitOps, "director", "main"),
    ];
}
