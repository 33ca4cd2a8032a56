using System.Net;
using Release.Containers.Running;
using Release.Engine;
using Release.Oci;
using Release.Tooling.Processes;
using Release.Tooling.Tools;

namespace Release.Delivery.Deploy.Local;

/// <summary>Starts a local instance: the image in a container, or the published app as a process.</summary>
internal interface ILocalLauncher
{
    Task<LocalInstance> StartAsync(DeploymentRequest request, string name, string url, CancellationToken ct);
}

/// <summary>Picks how to run locally: <c>--local-runtime auto|podman|docker|process</c>.</summary>
internal static class LocalLaunchers
{
    public static async Task<ILocalLauncher> SelectAsync(string choice, DeploymentRequest request, RegistryCredentials? credentials, IBuildLog log,
        IReadOnlyDictionary<string, string> environment, IProcessRunner processes, CancellationToken ct)
    {
        var dockerHost = environment.GetValueOrDefault("DOCKER_HOST");
        switch (choice.Trim().ToLowerInvariant())
        {
            case "podman": return new ContainerLauncher(await PodmanAsync(processes, log, ct).ConfigureAwait(false), credentials);
            case "docker": return new ContainerLauncher(
                await ContainerRunner.CreateDockerAsync(processes, log.Information, dockerHost, ct).ConfigureAwait(false),
                credentials);
            case "process": return new ProcessLauncher(log);
            case "auto": break;
            default:
                throw new BuildInputException($"Deploy: --local-runtime '{choice}' is unknown. Use auto, podman, docker or process.");
        }

        if (request.Image is null) return new ProcessLauncher(log);
        var locator = new ToolLocator();
        if (await locator.TryFindAsync(KnownTools.Podman, ct).ConfigureAwait(false) is not null) return new ContainerLauncher(
            await PodmanAsync(processes, log, ct).ConfigureAwait(false),
            credentials);
        if (!string.IsNullOrEmpty(dockerHost) && await locator.TryFindAsync(KnownTools.Docker, ct).ConfigureAwait(false) is not null)
            return new ContainerLauncher(
                await ContainerRunner.CreateDockerAsync(processes, log.Information, dockerHost, ct).ConfigureAwait(false),
                credentials);
        try
        {
            return new ContainerLauncher(await PodmanAsync(processes, log, ct).ConfigureAwait(false), credentials);
        }
        catch (Exception e) when (e is InvalidOperationException or ToolNotFoundException && request.PublishDirectory is not null)
        {
            log.Warning($"No container engine (podman could not be installed: {e.Message}); running the published app as a process instead.");
            return new ProcessLauncher(log);
        }
    }

    // podman is the embedded default: installed with apt when missing (with runc, the runtime its configuration names).
    private static async Task<ContainerRunner> PodmanAsync(IProcessRunner processes, IBuildLog log, CancellationToken ct)
    {
        if (await new ToolLocator().TryFindAsync(KnownTools.Podman, ct).ConfigureAwait(false) is null)
            await new AptInstaller(processes, log.Information).EnsureInstalledAsync(["podman", "runc"], ct).ConfigureAwait(false);
        return await ContainerRunner.CreatePodmanAsync(processes, log.Information, cancellationToken: ct).ConfigureAwait(false);
    }
}

/// <summary>
/// Runs the image by digest with podman or docker on the host network; with credentials, the pull presents them to the
/// image's registry through a private auth file (never on the command line).
/// </summary>
internal sealed class ContainerLauncher(ContainerRunner runner, RegistryCredentials? credentials) : ILocalLauncher
{
    public async Task<LocalInstance> StartAsync(DeploymentRequest request, string name, string url, CancellationToken ct)
    {
        var image = request.Image ?? throw new BuildInputException(
            "Deploy: there is no image to run (no artifacts/modules/MODULE/push/push.json or build/image.json). Run Build and Push, or pass " +
                "--local-runtime process.");
        var host = image.Registry.Split(':')[0];
        using var auth = credentials is null
            ? null
            : await RegistryAuthFile.WriteAsync(image.Registry, credentials.UserName, credentials.Password, ct).ConfigureAwait(false);
        var id = await runner.RunDetachedAsync(new ContainerRunSettings(image.ToString())
        {
            Name = name,
            AuthFile = auth?.Path,
            HostNetwork = true, // the only network that works on hosts without network namespaces
            TlsVerify = !(host == "localhost" || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip))),
            Environment = new Dictionary<string, string>(request.Settings) { ["ASPNETCORE_URLS"] = url },
            Labels = new Dictionary<string, string>
            {
                ["release.module"] = request.Module,
                ["release.environment"] = request.Environment.Name,
                ["release.version"] = request.Version,
            },
        }, ct).ConfigureAwait(false);
        return new ContainerInstance(runner, name, url, image.ToString(), id);
    }
}

/// <summary>Runs the published app with <c>dotnet APP.dll</c> when no container engine is available.</summary>
internal sealed class ProcessLauncher(IBuildLog log) : ILocalLauncher
{
    public Task<LocalInstance> StartAsync(DeploymentRequest request, string name, string url, CancellationToken ct)
    {
        var directory = request.PublishDirectory;
        if (string.IsNullOrWhiteSpace(directory) || !Directory.Exists(directory))
            throw new BuildInputException(
                $"Deploy: cannot run {request.Module} as a process: Build's publish directory '{directory}' does not exist. Run Build first, or " +
                    "use a container engine (--local-runtime podman).");
        // The app's entry assembly is the one with a runtimeconfig.json next to it.
        var config = Directory.GetFiles(directory, "*.runtimeconfig.json").OrderBy(f => f, StringComparer.Ordinal).FirstOrDefault()
            ?? throw new InvalidOperationException($"Deploy: {directory} holds no *.runtimeconfig.json, so it is not a published .NET app.");
        var program = config[..^".runtimeconfig.json".Length] + ".dll";
        return Task.FromResult<LocalInstance>(ProcessInstance.Start(program, url, request.Settings, line => log.Information($"{name}: {line}")));
    }
}
