using Release.Delivery.Deploy;
using Release.Delivery.Deploy.Rollout;
using Release.Pipeline;
using Release.Oci;
using Release.Pipeline.References;

namespace Release.Delivery.ApplicationDelivery;

/// <summary>One module of an application release handed to <see cref="ApplicationReleaseDeployer.DeployAsync"/>.</summary>
/// <param name="Module">The module, as the application declares it.</param>
/// <param name="Version">The module's own version.</param>
/// <param name="Commit">What the release was built from (short form), for the environment repository's commit trailers.</param>
/// <param name="Image">The image in the environment's repository, by digest.</param>
/// <param name="Chart">The chart in the environment's chart repository, by digest.</param>
public sealed record ApplicationModuleRelease(string Module, string Version, string Commit, OciReference Image, ChartLocation Chart);

/// <summary>
/// Deploys given module releases (not this build's stage records) of the application to a declared environment, the way
/// DeployApplication deploys a build's: GitOps, one commit holding every module's HelmRelease with <c>dependsOn</c>
/// following the module graph (all or nothing: a refused push changes nothing); local and helm, one rollout in
/// dependency order, each module after its dependencies answer their health, a failure putting back the modules replaced
/// in this run before it fails (naming the module and the reason). The release process's set promotion and rollback call it.
/// </summary>
public static class ApplicationReleaseDeployer
{
    /// <summary>Deploys <paramref name="modules"/> (every module of the application) to <paramref name="environment"/>.</summary>
    /// <param name="build">The build, with its application and declared environments.</param>
    /// <param name="environment">A declared environment's name.</param>
    /// <param name="modules">Every module's release; the ones already running are left as they are.</param>
    /// <param name="who">Who deploys.</param>
    /// <param name="ct">Cancels the deployment.</param>
    /// <exception cref="Engine.BuildInputException">The environment is not declared, or a module of the application has no release.</exception>
    /// <exception cref="InvalidOperationException">The deployment failed; the message names the module (rollouts) or the repository (GitOps) and the
    /// reason.</exception>
    public static async Task DeployAsync(IDeployApplication build, string environment, IReadOnlyList<ApplicationModuleRelease> modules, string who,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(modules);
        var application = build.Application;
        var declared = DeployStage.Select(build, environment);
        var releases = application.Graph.Order.Select(module =>
        {
            var release = modules.FirstOrDefault(m => string.Equals(m.Module, module, StringComparison.OrdinalIgnoreCase))
                ?? throw new Engine.BuildInputException($"Deploying {application.Name} to '{declared.Name}': module '{module}' has no release.");
            return (new ModuleRelease(module, release.Version, release.Commit, release.Image, null, release.Chart,
                application[module].HealthPath ?? build.HealthPath), new PipelinePaths(build.RootDirectory, module));
        }).ToList();
        var stage = new ApplicationDeployStage(build);
        var deployed = new DeployedApplication(build, declared);
        try
        {
            if (declared.Deployer == Deployers.GitOps)
                await stage.CommitAsync(application, deployed, releases, who, ct).ConfigureAwait(false);
            else
            {
                // A local instance whose run ended is not running any more, whatever its record says: forget it before the
                // rollout compares releases (a promotion comes here without DeployApplication's look).
                await deployed.RunningAsync(ct).ConfigureAwait(false);
                await stage.RollOutAsync(application, deployed, releases, who, ct).ConfigureAwait(false);
            }
        }
        catch (RolloutFailedException e)
        {
            throw new InvalidOperationException(e.Message, e);
        }
    }

    /// <summary>
    /// Removes every module of the application from <paramref name="environment"/>: what puts back an environment that ran
    /// none of them before a promotion that is reverted. GitOps only: one commit removing the modules' folders, so Flux
    /// uninstalls them.
    /// </summary>
    /// <param name="build">The build, with its application and declared environments.</param>
    /// <param name="environment">A declared environment's name.</param>
    /// <param name="who">Who removes them.</param>
    /// <param name="ct">Cancels the removal.</param>
    /// <exception cref="InvalidOperationException">The environment is not deployed through GitOps, or the commit failed.</exception>
    public static async Task RemoveAsync(IDeployApplication build, string environment, string who, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(build);
        var application = build.Application;
        var declared = DeployStage.Select(build, environment);
        if (declared.Deployer != Deployers.GitOps)
            throw new InvalidOperationException(
                $"removing {application.Name}'s modules from '{declared.Name}' ({declared.Deployer}) is not automated: " +
                "stop them by hand (Undeploy for local deployments, helm uninstall for helm).");
        var outcome = await new Deploy.GitOps.GitOpsDeployer(build)
            .RemoveApplicationAsync(declared, application.Name, application.Graph.Order, who, ct).ConfigureAwait(false);
        var records = new DeployedApplication(build, declared).Records;
        foreach (var module in application.Graph.Order) records.Forget(declared.Name, module);
        build.Log.Information($"Removed {application.Name} from '{declared.Name}': {outcome.Detail}");
    }
}
