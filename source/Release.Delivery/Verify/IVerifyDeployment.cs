using Release.Delivery.Deploy;
using Release.Engine;

namespace Release.Delivery.Verify;

/// <summary>
/// Sanity checks after every deployment: a build that mixes this in has Deploy (and Promote and Rollback, which deploy
/// through it) check the environment right after it changed: the health endpoint, the declared
/// <see cref="SanityChecks"/> and journeys. The results go to <c>artifacts/verify/&lt;env&gt;.json</c> (and JUnit) beside
/// the deployment record, and into the evidence. When a check fails, the environment goes back to the last release
/// that passed there, without a person, and Slack hears of it; <see cref="EnvironmentDefinition.AutomaticRollback"/>
/// turns that off per environment.
/// </summary>
public interface IVerifyDeployment : IDeploy
{
    /// <summary>The module's sanity checks (the health endpoint is always checked). Override in the build class.</summary>
    SanityChecks SanityChecks => SanityChecks.HealthOnly;

    /// <summary>Seconds each sanity request may take.</summary>
    [Parameter("Seconds each sanity check request may take (default 10)"), Range(1, 600)]
    int? SanityTimeout => TryGetValue(() => SanityTimeout);

    /// <summary>The endpoint that reports the running version (JSON with a <c>version</c> property, or plain text).</summary>
    [Parameter("The endpoint reporting the running version, which SanityCheck polls after a GitOps deployment (default /version)")]
    string VersionPath => TryGetValue(() => VersionPath) ?? "/version";

    /// <summary>Seconds SanityCheck waits for a GitOps environment to report the deployed version before it checks.</summary>
    [Parameter("Seconds SanityCheck waits for a GitOps environment to report the deployed version (default 600)"), Range(1, 86400)]
    int? SanityWait => TryGetValue(() => SanityWait);

    /// <summary>
    /// Where an automatic rollback of a GitOps environment finds the release to go back to and records itself: the signed
    /// release records when the build mixes in the release process's verified promotion, else none (the deploying
    /// machine's <see cref="VerifiedReleases"/> only).
    /// </summary>
    IRollbackRecords? RollbackRecords => null;

    /// <summary>
    /// Checks the deployment recorded for <paramref name="environment"/> as the SanityCheck target does (waiting for a
    /// GitOps environment to report the version first), rolling a failing release back; throws when it failed.
    /// </summary>
    Task CheckDeploymentAsync(string environment, CancellationToken cancellationToken = default) =>
        new SanityCheckStage(this).RunAsync(DeployStage.Select(this, environment), cancellationToken);

    /// <summary>Runs the sanity checks again against the current deployment of --environment (e.g. after Flux applied a GitOps commit).</summary>
    Target SanityCheck => _ => _
        .Description("Runs the module's sanity checks (health, checks, journeys) against the deployment of --environment recorded by Deploy")
        .TryAfter<IDeploy>(x => x.Deploy)
        .Consumes(Paths.Glob("deploy/*.json"))
        .Produces("artifacts/verify/*")
        .Executes(ct => new SanityCheckStage(this).RunAsync(ct));
}
