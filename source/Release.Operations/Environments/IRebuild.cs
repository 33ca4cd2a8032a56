using Release.Delivery.Integrate;
using Release.Engine;

namespace Release.Operations.Environments;

/// <summary>
/// <c>./build.sh Rebuild --environment ENV</c>: tears a local environment down and recreates it from its declared state
/// — the module at the digest the signed release records say is deployed there (else the environment's last recorded
/// deployment, <c>artifacts/deploy/ENV.json</c>), with its health wait and sanity checks — runs the application's
/// integration tests where declared, checks the environment for drift afterwards and writes the evidence to
/// <c>artifacts/rebuild/ENV/rebuild.json</c>. CI schedules it (daily on weekdays; hourly when a team turns it on).
/// </summary>
public interface IRebuild : IEnvironmentOperations, IIntegrate
{
    /// <summary>Recreates the environment from its declared state and leaves the evidence.</summary>
    Target Rebuild => _ => _
        .Description("Tears --environment (local deployer) down and recreates it from its declared state, runs its integration tests and drift check, writes evidence to artifacts/rebuild/ENV")
        .Produces("artifacts/rebuild/**", "artifacts/deploy/*.json", "artifacts/integration/**")
        .Executes(ct => new EnvironmentRebuild(this).RunAsync(ct));
}
