using Release.Delivery.ApplicationDelivery;
using Release.Delivery.Integrate;
using Release.Engine;

namespace Release.Operations.Environments;

/// <summary>
/// <c>./build.sh Rebuild --environment ENV</c>: tears a local environment down and recreates it from its declared state,
/// runs the integration tests where declared, checks the environment for drift afterwards and writes the evidence to
/// <c>artifacts/rebuild/ENV/rebuild.json</c>. A build shipping an application (<see cref="IDeployApplication"/>)
/// recreates every module through DeployApplication's rollout (dependency order, health waits, the application's checks),
/// each at the image the environment repository pins for the environment or its group's GitOps member
/// (<c>--environments-repository</c>), else at the release its last rollout recorded here, then runs IntegrateApplication's
/// tests; a build of one module recreates it at the digest the signed release records say is deployed there (else its
/// last recorded deployment, <c>artifacts/deploy/ENV.json</c>). CI schedules it (daily on weekdays; hourly when a team turns it on).
/// </summary>
public interface IRebuild : IEnvironmentOperations, IIntegrate
{
    /// <summary>Recreates the environment from its declared state and leaves the evidence.</summary>
    Target Rebuild => _ => _
        .Description("Tears --environment (local deployer) down and recreates it from its declared state (every module of the application; pins " +
            "from --environments-repository first), runs its integration tests and drift check, writes evidence to artifacts/rebuild/ENV")
        .Produces(
            "artifacts/rebuild/**",
            "artifacts/deploy/*.json",
            "artifacts/integration/**",
            "artifacts/application/**",
            "artifacts/modules/*/deploy/**",
            "artifacts/modules/*/integration/**")
        .Executes(ct => new EnvironmentRebuild(this).RunAsync(ct));
}
