using Release.Delivery.ApplicationDelivery;
using Release.Oci;
using Release.Pipeline.References;
using Release.Process.Applications.Releases;

namespace Release.Releasing.Sets;

/// <summary>
/// Puts one application release into service in one environment: copies the modules that change there, image and
/// chart by digest, into the environment's repositories (<see cref="SetRepositories"/>), in dependency order, then
/// deploys every module at its pin through the environment's declared deployer (<see cref="ApplicationReleaseDeployer"/>:
/// GitOps one commit with <c>dependsOn</c>, local and helm a rollout that puts back what it replaced when a module fails).
/// </summary>
internal sealed class SetDeployer(IReleaseSets build, string registry, string actor, string stage)
{
    /// <summary>
    /// Copies <paramref name="sources"/> and deploys <paramref name="set"/>; a failure names the module or the deployer and the reason.
    /// </summary>
    /// <exception cref="InvalidOperationException">A copy or the deployment failed.</exception>
    public async Task DeployAsync(string environment, ReleaseManifest set, IReadOnlyList<ModuleSource> sources, CancellationToken ct)
    {
        foreach (var source in sources)
        {
            build.Log.Information($"{stage}: '{environment}': copying {source.Module} {source.Pin.Version} from {source.From} to " +
                                  $"{registry}/{SetRepositories.Image(environment, source.Module)}");
            try
            {
                await build.Promoter.PromoteAsync(source.Image, registry, SetRepositories.Image(environment, source.Module),
                    SetRepositories.Tag(source.Pin, chart: false), stage, ct).ConfigureAwait(false);
                await build.Promoter.PromoteAsync(source.Chart, registry, SetRepositories.Chart(environment, source.Module),
                    SetRepositories.Tag(source.Pin, chart: true), stage, ct).ConfigureAwait(false);
            }
            catch (InvalidOperationException e)
            {
                throw new InvalidOperationException($"module '{source.Module}': {e.Message}", e);
            }
        }
        var modules = set.Modules.Select(pin => new ApplicationModuleRelease(pin.Module, pin.Version.ToString(), $"set-{set.Digest.Hex[..12]}",
            new OciReference(registry, SetRepositories.Image(environment, pin.Module), digest: pin.ImageDigest.Value),
            new ChartLocation(new OciReference(registry, SetRepositories.Chart(environment, pin.Module), digest: pin.ChartDigest.Value),
                pin.Version.ToString()))).ToList();
        try
        {
            await ApplicationReleaseDeployer.DeployAsync(build, environment, modules, actor, ct).ConfigureAwait(false);
        }
        catch (InvalidOperationException e)
        {
            // GitOps commits every module at once (a refused push changes none); a rollout names the module that failed.
            throw new InvalidOperationException($"deploying {string.Join(", ", set.Modules.Select(p => p.Module))}: {e.Message}", e);
        }
    }
}
