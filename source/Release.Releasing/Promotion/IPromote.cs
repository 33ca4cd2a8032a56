using Release.Delivery.Push;
using Release.Engine;
using Release.Process.Promotion;
using Release.Releasing.Blessing;

namespace Release.Releasing.Promotion;

/// <summary>
/// Promotion and rollback by digest: <c>Promote --release 1.4.0 --to pre-prod,production</c> copies the release's
/// image by digest into each environment's repository (<c>REGISTRY/ENV/MODULE</c>, never rebuilding), deploys it
/// with the environment's deployer and records it; <c>Rollback --environment production [--to 1.3.0]</c> returns an
/// environment to its previous (blessed, for production) release. Both are recorded in the release records.
/// </summary>
public interface IPromote : IBless, IPush
{
    /// <summary>Promote: environments, comma-separated. Rollback: the version to restore (default: the previous one).</summary>
    [Parameter("Promote: target environments, comma-separated (e.g. pre-prod,production); Rollback: version to restore (default: previous)")]
    string? To => TryGetValue(() => To);

    /// <summary>The registry holding the environments' repositories.</summary>
    [Parameter("Registry of the environment repositories ENV/MODULE (default: the registry Push used)")]
    string? PromotionRegistry => TryGetValue(() => PromotionRegistry);

    /// <summary>The deployer of an environment. Default: <see cref="RecordOnlyDeployer"/>.</summary>
    IReleaseDeployer ReleaseDeployerFor(DeploymentEnvironment environment) => new RecordOnlyDeployer(Paths);

    /// <summary>The repository an environment's images live in.</summary>
    string EnvironmentRepository(DeploymentEnvironment environment) => $"{environment.Name}/{Module}";

    /// <summary>Promotes a release by digest to one or more environments.</summary>
    Target Promote => _ => _
        .Description("Promotes --release by digest to --to ENV[,ENV...] in chain order (production only if blessed)")
        .Requires(() => To)
        .TryAfter<IBless>(x => x.Bless)
        .Executes(ct => new PromoteStep(this).RunAsync(ct));

    /// <summary>Returns an environment to its previous release.</summary>
    Target Rollback => _ => _
        .Description("Rolls --environment back to its previous (blessed) release, or to --to VERSION")
        .Requires(() => Environment)
        .Executes(ct => new RollbackStep(this).RunAsync(ct));
}
