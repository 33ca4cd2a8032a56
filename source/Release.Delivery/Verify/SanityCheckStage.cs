using Release.Delivery.Deploy;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;

namespace Release.Delivery.Verify;

/// <summary>
/// What the SanityCheck target does: the checks against the deployment Deploy recorded for --environment, with the same
/// recording and automatic rollback as right after a deployment (for environments that change later than the Deploy
/// job, e.g. when Flux applies a GitOps commit).
/// </summary>
internal sealed class SanityCheckStage(IVerifyDeployment build)
{
    /// <summary>The outcome detail of a deployment checked after the fact (not right after the deployer ran).</summary>
    public const string Recorded = "recorded by Deploy";

    public Task RunAsync(CancellationToken ct) => RunAsync(DeployStage.Select(build), ct);

    /// <summary>Checks the deployment Deploy recorded for <paramref name="environment"/> (after waiting for a GitOps one to run it).</summary>
    public async Task RunAsync(EnvironmentDefinition environment, CancellationToken ct)
    {
        var deployment = await StageRecord.ReadAsync<DeploymentRecord>(build.Paths.DeploymentRecord(environment.Name), "Deploy", ct)
            .ConfigureAwait(false);
        var stage = new DeployStage(build);
        var verifier = new DeploymentVerifier(build, stage.DeployAndRecordAsync, stage.NotifyAsync);
        // A GitOps deployment is a commit Flux applies later: the checks start once the environment reports the new version.
        if (deployment.Deployer == Deployers.GitOps)
            await verifier.WaitForVersionAsync(environment.Name, deployment.Url, deployment.Version, ct).ConfigureAwait(false);
        var state = await VerifiedReleases.ReadAsync(VerifiedReleases.File(build, environment.Name), ct).ConfigureAwait(false);
        var request = state.RequestFor(environment, build, build.HealthPath, deployment, out var known);
        await verifier.AfterDeployAsync(request, new DeploymentOutcome(deployment.Url, Recorded), ct, remember: known).ConfigureAwait(false);
    }
}
