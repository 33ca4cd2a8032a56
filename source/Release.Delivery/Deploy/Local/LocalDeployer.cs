using System.Net;
using System.Net.Sockets;
using Release.Containers.Running;
using Release.Tooling.Processes;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;

namespace Release.Delivery.Deploy.Local;

/// <summary>
/// Deploys on this machine, blue/green: the new instance starts next to the current one on a free port, must answer
/// the health endpoint, and only then replaces (stops) the previous one. If it never becomes healthy it is removed and
/// the previous instance keeps serving, so a failed deploy costs no downtime.
/// </summary>
internal sealed class LocalDeployer(LocalDeployerSettings settings) : IDeployer
{
    /// <summary>The deployer of a build's Deploy stage: its parameters, its run's deployments.</summary>
    public LocalDeployer(IDeploy build) : this(new LocalDeployerSettings(
        DeploymentsOf(build),
        build.LocalRuntime,
        // The registry credentials the build pushed with, offered only to the registry the image is pulled from.
        RegistryLogin.From(build.RegistryUsername, build.RegistryPassword),
        build.Log, build.Context.Environment, TimeSpan.FromSeconds(build.HealthTimeout ?? 120), build.KeepRunning, build.Processes))
    {
    }

    /// <summary>The run's local deployments of <paramref name="build"/> (a per-run service): which instance is current per module and
    /// environment.</summary>
    public static LocalDeployments DeploymentsOf(IDeploy build) =>
        build.Context
            .GetOrAddService(() => new LocalDeployments(build.KeepRunning, build.LocalStateDirectory, build.Processes, build.Log.Information));

    public async Task<DeploymentOutcome> DeployAsync(DeploymentRequest request, CancellationToken ct)
    {
        var key = $"{request.Module}-{request.Environment.Name}";
        var deployments = settings.Deployments;
        var previous = await deployments.CurrentAsync(key, ct).ConfigureAwait(false);
        var credentials = settings.Credentials;
        var launcher = await LocalLaunchers.SelectAsync(
            settings.Runtime,
            request,
            credentials,
            settings.Log,
            settings.Environment,
            settings.Processes,
            ct).ConfigureAwait(false);
        var url = $"http://127.0.0.1:{FreePort()}";
        var name = $"{key}-{Guid.NewGuid().ToString("N")[..8]}";
        var kept = previous is null ? "There was no previous instance."
            : $"The previous instance ({previous.Description}) at {previous.Url} is still running and stays current.";

        LocalInstance instance;
        try
        {
            instance = await launcher.StartAsync(request, name, url, ct).ConfigureAwait(false);
        }
        catch (ContainerRunException e) when (e.Unauthorized)
        {
            throw new InvalidOperationException(
                $"Deploy: could not start {request.Module} {request.Version} locally: {e.Message} To fix: pass valid --registry-username and " +
                $"--registry-password for {request.Image?.Registry} (or the REGISTRY_USERNAME and REGISTRY_PASSWORD variables), as for Push. " +
                    $"{kept}", e);
        }
        catch (Exception e) when (e is ContainerRunException or ProcessFailedException or ProcessTimeoutException
                                       or System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException($"Deploy: could not start {request.Module} {request.Version} locally: {e.Message} {kept}", e);
        }

        settings.Log.Information($"Started {instance.Description} at {url}; waiting for {request.HealthPath}");
        await AwaitHealthyAsync(instance, () => HttpReadiness.WaitAsync(new Uri(url + request.HealthPath), settings.HealthTimeout,
            instance.IsRunningAsync, ct), $"{request.Module} {request.Version}", kept).ConfigureAwait(false);

        await deployments.ReplaceAsync(key, instance, previous, ct).ConfigureAwait(false);
        settings.Log.Information($"{request.Module} {request.Version} answers at {url}" + (settings.KeepRunning
            ? " and keeps running after the build (--keep-running)"
            : " until the build ends"));
        return new DeploymentOutcome(url, instance.Description);
    }

    /// <summary>
    /// Waits for the new instance to answer; on any failure (not only a timeout: cancellation, a bad setting, the engine
    /// failing to say whether it runs) it is stopped before the failure goes on, so no deploy leaves an instance behind.
    /// </summary>
    internal static async Task AwaitHealthyAsync(LocalInstance instance, Func<Task> readiness, string release, string kept)
    {
        try
        {
            await readiness().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            IReadOnlyList<string> output = [];
            try { output = await instance.RecentOutputAsync(CancellationToken.None).ConfigureAwait(false); }
            catch (Exception) { /* the output only illustrates the failure; stopping matters */ }
            await instance.StopAsync(CancellationToken.None).ConfigureAwait(false);
            if (e is not (TimeoutException or InvalidOperationException)) throw;
            throw new InvalidOperationException(
                $"Deploy: the new instance of {release} ({instance.Description}) did not become healthy: {e.Message} " +
                $"It was removed. {kept}" + (output.Count == 0 ? "" : "\nIts last output:\n  " + string.Join("\n  ", output)), e);
        }
    }

    // A port that was free a moment ago; the instance binds it right after.
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
