using Release.Delivery.Push;
using Release.Process.Promotion;

namespace Release.Releasing.Promotion;

/// <summary>
/// Puts a promoted image into service in one environment. Promote and Rollback call it after the image was copied by
/// digest into the environment's repository. Builds choose one per environment by overriding
/// <see cref="IPromote.ReleaseDeployerFor"/>.
/// </summary>
public interface IReleaseDeployer
{
    /// <summary>Deploys; returns where the deployment is reached (or what was done), for the log.</summary>
    Task<string> DeployAsync(ReleaseDeployment deployment, CancellationToken ct);
}

/// <summary>One deployment of a release's image, by digest, to one environment.</summary>
/// <param name="Environment">The environment.</param>
/// <param name="ReleaseId">The release.</param>
/// <param name="Version">Its version.</param>
/// <param name="Image">The image in the environment's repository, by digest.</param>
/// <param name="DeployedBy">Who promotes or rolls back.</param>
/// <param name="At">When.</param>
public sealed record ReleaseDeployment(DeploymentEnvironment Environment, string ReleaseId, string Version, ImageLocation Image, string DeployedBy, DateTimeOffset At);
