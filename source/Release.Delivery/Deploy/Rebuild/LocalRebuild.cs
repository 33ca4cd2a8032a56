using Release.Delivery.Deploy.Local;
using Release.Delivery.Verify;
using Release.Engine;
using Release.Pipeline.Records;

namespace Release.Delivery.Deploy.Rebuild;

/// <summary>What a rebuild recreated: the module at its declared version and digest, and where it answers now.</summary>
/// <param name="Module">The module.</param>
/// <param name="Version">Its declared version.</param>
/// <param name="Image">The image it runs, by digest.</param>
/// <param name="Url">Where it answers.</param>
/// <param name="Detail">What the deployer did.</param>
public sealed record RebuiltModule(string Module, string Version, string Image, string Url, string Detail);

/// <summary>
/// Tears an environment of the local deployer down and recreates it from its declared state: the instance it runs
/// (remembered by the deployer) is stopped, and the module is deployed again at the declared digest, through the
/// local deployer, its health wait (the smoke check) and, in a build with sanity checks, those checks.
/// </summary>
public static class LocalRebuild
{
    /// <summary>Stops and recreates <paramref name="environment"/>'s instance of the build's module at <paramref name="version"/> and
    /// <paramref name="digest"/>.</summary>
    /// <param name="build">The build (its image record names the repository the digest is pulled from).</param>
    /// <param name="environment">A declared environment of the local deployer.</param>
    /// <param name="version">The declared version.</param>
    /// <param name="digest">The declared image digest.</param>
    /// <param name="commit">The commit the release was built from (short form).</param>
    /// <param name="deployedBy">Who rebuilds.</param>
    /// <param name="ct">Cancellation.</param>
    /// <exception cref="BuildInputException">The environment is not the local deployer's, or no image record names the repository.</exception>
    public static async Task<RebuiltModule> RecreateAsync(
        IDeploy build,
        string environment,
        string version,
        string digest,
        string commit,
        string deployedBy,
        CancellationToken ct)
    {
        var declared = DeployStage.Select(build, environment);
        if (declared.Deployer != Deployers.Local)
            throw new BuildInputException(
                $"Rebuild: '{declared.Name}' is deployed by '{declared.Deployer}'; Rebuild recreates environments of the local deployer only. " +
                "A GitOps environment is recreated by its cluster from the environment repository (flux reconcile); pass a local environment.");
        var paths = build.Paths;
        var located = paths.PushRecord.FileExists() ? (await PipelineRecords.ReadPushAsync(build, ct).ConfigureAwait(false)).Image
            : paths.ImageRecord.FileExists() ? (await PipelineRecords.ReadImageAsync(build, ct).ConfigureAwait(false)).Image
            : throw new BuildInputException(
                $"Rebuild: no {paths.PushRecord} or {paths.ImageRecord} names the registry and repository of {build.Module}'s image, so {digest} " +
                    "cannot be pulled. " +
                "Run Push (or download the pipeline's push record) first.");
        var image = located.WithTag(null).WithDigest(digest);
        var publish = paths.ImageRecord.FileExists()
            ? (await StageRecord.ReadAsync<ImageRecord>(paths.ImageRecord, "Build", ct).ConfigureAwait(false)).PublishDirectory
            : null;

        if (await LocalDeployments.StopRememberedAsync(
            build.LocalStateDirectory,
            $"{build.Module}-{declared.Name}",
            build.Processes,
            build.Log.Information,
            ct).ConfigureAwait(false))
            build.Log.Information($"Rebuild: tore down {build.Module} in '{declared.Name}'");
        else
            build.Log.Information($"Rebuild: nothing of {build.Module} ran in '{declared.Name}'");

        var stage = new DeployStage(build);
        var request = new DeploymentRequest(
            declared,
            build.Module,
            version,
            commit,
            deployedBy,
            image,
            string.IsNullOrEmpty(publish) ? null : publish,
            null,
            build.HealthPath);
        var outcome = await stage.DeployAndRecordAsync(request, true, ct).ConfigureAwait(false);
        if (build is IVerifyDeployment verify)
            await new DeploymentVerifier(verify, stage.DeployAndRecordAsync, stage.NotifyAsync).AfterDeployAsync(request, outcome, ct)
                .ConfigureAwait(false);
        return new RebuiltModule(build.Module, version, image.ToString(), outcome.Url, outcome.Detail);
    }
}
