using Release.Delivery.Deploy;
using Release.Process.Promotion;
using Release.Releasing.Common;

namespace Release.Releasing.Promotion;

/// <summary>
/// The default deployer of Promote and Rollback: deploys through the deployer the build declares for the environment
/// in <see cref="IDeploy.Environments"/> (local, gitops or helm), with <see cref="IDeploy.DeployReleaseAsync"/>.
/// Environments that accept only blessed releases (production) must be declared with <see cref="Deployers.GitOps"/>:
/// each change there is a commit in the environment repository naming version, digests and who.
/// </summary>
public sealed class DeclaredEnvironmentDeployer : IReleaseDeployer
{
    private readonly IDeploy _build;

    /// <summary>Checks the declaration before anything is copied or deployed.</summary>
    /// <param name="build">The build, with its declared environments.</param>
    /// <param name="environment">The environment of the promotion chain.</param>
    /// <exception cref="ReleaseRefusedException">The environment is not declared, production is not GitOps, or GitOps has no repository; the message
    /// says how to fix it.</exception>
    public DeclaredEnvironmentDeployer(IDeploy build, DeploymentEnvironment environment)
    {
        _build = build;
        var declared = build.Environments.ToList();
        Declared = declared.FirstOrDefault(e => string.Equals(e.Name, environment.Name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ReleaseRefusedException(
                $"Environment '{environment.Name}' of the promotion chain is not declared in IDeploy.Environments (declared: " +
                $"{(declared.Count == 0 ? "none" : string.Join(", ", declared.Select(e => e.Name)))}), so there is no deployer for it. " +
                $"Declare it in the build class, e.g. new EnvironmentDefinition(\"{environment.Name}\", Deployers.GitOps, \"NAMESPACE\", " +
                    "\"main\"); " +
                "or, to record promotions without deploying, override IPromote.ReleaseDeployerFor to return new RecordOnlyDeployer(Paths).");
        if (environment.RequiresBlessing && Declared.Deployer != Deployers.GitOps)
            throw new ReleaseRefusedException(
                $"Environment '{environment.Name}' accepts only blessed releases and is changed only through GitOps (a commit with version, " +
                    "digests and who), " +
                $"but it is declared with the '{Declared.Deployer}' deployer. Declare it with Deployers.GitOps in IDeploy.Environments.");
        if (Declared.Deployer == Deployers.GitOps && string.IsNullOrWhiteSpace(Declared.GitopsRepository ?? build.GitopsRepository))
            throw new ReleaseRefusedException(
                $"Environment '{environment.Name}' is deployed through GitOps, but no environment repository is given: pass --gitops-repository " +
                    "URL-or-path " +
                "or set GitopsRepository on its EnvironmentDefinition.");
    }

    /// <summary>The environment as the build declares it.</summary>
    public EnvironmentDefinition Declared { get; }

    /// <inheritdoc />
    public async Task<string> DeployAsync(ReleaseDeployment deployment, CancellationToken ct)
    {
        var outcome = await _build.DeployReleaseAsync(Declared.Name,
            new ReleaseToDeploy(deployment.Version, deployment.Commit, deployment.Image, deployment.Chart, deployment
                .DeployedBy), ct).ConfigureAwait(false);
        return $"{outcome.Detail} ({Declared.Deployer}, {outcome.Url})";
    }
}
