using Release.Helm.Cli;
using Release.Tooling.Processes;
using Release.Tooling.Tools;
using Release.Engine;

namespace Release.Delivery.Deploy.Helm;

/// <summary>
/// Deploys with <c>helm upgrade --install --atomic --wait</c> from the chart Chart pushed, for teams with cluster
/// access. <c>--atomic</c> makes helm roll a failed upgrade back, so the previous release stays.
/// </summary>
internal sealed class HelmDeployer(IDeploy build) : IDeployer
{
    /// <summary>The helm settings for a request: pure, so tests check the exact argument list.</summary>
    public static HelmUpgradeSettings SettingsFor(DeploymentRequest request, TimeSpan timeout)
    {
        var chart = request.Chart ?? throw new BuildInputException(
            $"Deploy: the helm deployer installs the chart that Chart pushed, but artifacts/modules/{request.Module}/chart/chart.json is missing. " +
                "Run Chart first (the build must implement IChart).");
        var image = request.Image ?? throw new BuildInputException(
            $"Deploy: the helm deployer needs the pushed image, but artifacts/modules/{request.Module}/push/push.json is missing. Run Push first.");
        var registryHost = chart.Registry.Split(':')[0];
        return new HelmUpgradeSettings(request.Module, chart.Url, request.Environment.Namespace)
        {
            Version = chart.Version,
            Atomic = true,
            Wait = true,
            CreateNamespace = true,
            Timeout = timeout,
            // Pinned again on the command line: the chart already holds them, this makes the intent visible in helm history.
            SetValues =
            [
                new HelmSetValue("image.repository", image.Name) { ForceString = true },
                new HelmSetValue("image.digest", image.Digest ?? throw new BuildInputException(
                    $"Deploy: the helm deployer pins images by digest, but {request.Module}'s pushed image {image} has none. Run Push again.")) {
                        ForceString = true },
            ],
            PlainHttp = registryHost is "localhost" or "127.0.0.1",
            KubeContext = request.Environment.KubeContext,
        };
    }

    public async Task<DeploymentOutcome> DeployAsync(DeploymentRequest request, CancellationToken ct)
    {
        var settings = SettingsFor(request, TimeSpan.FromSeconds(build.HealthTimeout ?? 300));
        var helm = new HelmCli(build.Processes, new ToolLocator(), build.Log.Information);
        try
        {
            await helm.UpgradeInstallAsync(settings, ct).ConfigureAwait(false);
        }
        catch (ToolNotFoundException e)
        {
            throw new InvalidOperationException($"Deploy: environment '{request.Environment.Name}' uses the helm deployer, but {e.Message}", e);
        }
        catch (ProcessFailedException e)
        {
            throw new InvalidOperationException(
                $"Deploy: helm upgrade of {request.Module} in namespace {request.Environment.Namespace} failed; --atomic rolled it back, " +
                $"so the previous release stays: {e.Message}", e);
        }
        return new DeploymentOutcome(request.Environment.Url ?? $"helm release {request.Module} in namespace {request.Environment.Namespace}",
            $"helm release {request.Module} {settings.Version}");
    }
}
