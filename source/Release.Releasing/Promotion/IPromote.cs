using Release.Delivery.Deploy;
using Release.Delivery.Push;
using Release.Engine;
using Release.Process.Promotion;
using Release.Releasing.Approvals;
using Release.Releasing.Blessing;

namespace Release.Releasing.Promotion;

/// <summary>
/// Promotion and rollback by digest: <c>Promote --release 1.4.0 --to pre-prod,production</c> copies the release's
/// image and chart by digest into each environment's repositories (<c>REGISTRY/ENV/MODULE</c> and
/// <c>REGISTRY/ENV/charts/MODULE</c>, never rebuilding), deploys them through the environment's declared deployer
/// (<see cref="IDeploy.Environments"/>; production through GitOps, pinning both digests) and records it;
/// <c>Rollback --environment production [--to 1.3.0]</c> returns an environment to the release deployed before the
/// current one (blessed, for production). Both are recorded in the release records.
/// </summary>
public interface IPromote : IBless, IPush, IDeploy
{
    /// <summary>Promote: environments, comma-separated. Rollback: the version to restore (default: the previous one).</summary>
    [Parameter("Promote: target environments, comma-separated (e.g. pre-prod,production); Rollback: version to restore (default: previous)")]
    string? To => TryGetValue(() => To);

    /// <summary>The registry holding the environments' repositories.</summary>
    [Parameter("Registry of the environment repositories ENV/MODULE (default: the registry Push used)")]
    string? PromotionRegistry => TryGetValue(() => PromotionRegistry);

    /// <summary>
    /// The deployer of an environment. Default: <see cref="DeclaredEnvironmentDeployer"/>, the environment's declared
    /// deployer. <see cref="RecordOnlyDeployer"/> (records, deploys nothing) is available only by overriding this.
    /// </summary>
    IReleaseDeployer ReleaseDeployerFor(DeploymentEnvironment environment) => new DeclaredEnvironmentDeployer(this, environment);

    /// <summary>The repository an environment's images live in.</summary>
    string EnvironmentRepository(DeploymentEnvironment environment) => $"{environment.Name}/{Module}";

    /// <summary>The repository an environment's charts live in (the chart name, the last segment, stays the module).</summary>
    string EnvironmentChartRepository(DeploymentEnvironment environment) => $"{environment.Name}/charts/{Module}";

    /// <summary>Promotes a release by digest to one or more environments.</summary>
    Target Promote => _ => _
        .Description("Promotes --release (image and chart by digest) to --to ENV[,ENV...] in chain order through each environment's deployer " +
            "(production only if blessed)")
        .Requires(() => To)
        .TryAfter<IBless>(x => x.Bless)
        .Executes(ct => new PromoteStep(this).RunAsync(ct));

    /// <summary>Returns an environment to its previous release.</summary>
    Target Rollback => _ => _
        .Description("Rolls --environment back to the (blessed) release deployed before the current one, or to --to VERSION")
        .Requires(() => ((IGoNoGo)this).Environment)
        .Executes(ct => new RollbackStep(this).RunAsync(ct));
}
