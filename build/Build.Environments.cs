using Release.Delivery.Deploy;

namespace Release.Build;

/// <summary>
/// Where the sample goes. <c>local</c> runs it on this machine (the main job's default); the others follow the seed
/// process's branch model and deploy through GitOps, the way the bank's clusters are fed. A release that fails its
/// sanity checks or load limits goes back to the last one that passed, without a person, unless AutomaticRollback is off.
/// </summary>
partial class Build
{
    IEnumerable<EnvironmentDefinition> IDeploy.Environments =>
    [
        // A local release that fails its sanity checks stays for the developer to look at (no automatic rollback).
        new("local", Deployers.Local, "default", "*") { AutomaticRollback = false },
        new("staging", Deployers.GitOps, "director-staging", "staging"),
        // Merge requests come from any source branch; the CI rules (merge-request pipelines only) decide, not a branch name.
        new("pre-prod", Deployers.GitOps, "director-preprod", "*"),
        new("production", Deployers.GitOps, "director", "main"),
    ];
}
