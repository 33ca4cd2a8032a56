namespace Release.Releasing.Promotion;

/// <summary>
/// Puts a promoted release into service in one environment. Promote and Rollback call it after the image and the
/// chart were copied by digest into the environment's repositories. The default,
/// <see cref="DeclaredEnvironmentDeployer"/>, deploys through the environment's declared deployer; builds may choose
/// another per environment by overriding <see cref="IPromote.ReleaseDeployerFor"/>.
/// </summary>
public interface IReleaseDeployer
{
    /// <summary>Deploys; returns where the deployment is reached (or what was done), for the log.</summary>
    /// <param name="deployment">The release, by digests, and the environment.</param>
    /// <param name="ct">Cancels the deployment.</param>
    Task<string> DeployAsync(ReleaseDeployment deployment, CancellationToken ct);
}
