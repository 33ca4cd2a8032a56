using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;

namespace Release.Releasing.Promotion;

/// <summary>
/// An opt-in deployer that deploys nothing: it only records the deployment in <c>artifacts/deploy/ENV.json</c>
/// (Deploy's record format, deployer "record-only"). Never the default; a build chooses it explicitly, e.g. for an
/// environment it does not deploy itself: <c>IReleaseDeployer IPromote.ReleaseDeployerFor(DeploymentEnvironment e) =&gt; new
/// RecordOnlyDeployer(Paths);</c>.
/// </summary>
/// <param name="paths">The pipeline's paths.</param>
public sealed class RecordOnlyDeployer(PipelinePaths paths) : IReleaseDeployer
{
    /// <inheritdoc />
    public async Task<string> DeployAsync(ReleaseDeployment deployment, CancellationToken ct)
    {
        var record = new DeploymentRecord(deployment.Environment.Name, "record-only", deployment.Image.ToString(), deployment.Version,
            deployment.Image.Digest ?? throw new InvalidOperationException($"Promote passed {deployment.Image} without its digest."),
            deployment.DeployedBy, deployment.At);
        await StageRecord.WriteAsync(paths.DeploymentRecord(deployment.Environment.Name), record, ct).ConfigureAwait(false);
        return $"recorded in {paths.DeploymentRecord(deployment.Environment.Name)} (record-only deployer: nothing was started)";
    }
}
