using System.Text.Json;
using Release.Tooling.Processes;
using Release.Tooling.Tools;

namespace Release.Containers.Running;

/// <summary>
/// Starts, inspects, reads logs of, stops and removes containers with podman or docker, for deploying a build
/// and running integration tests against it. Every command gets the engine's private environment
/// (podman: CONTAINERS_CONF pointing at <see cref="PodmanConfiguration"/>; docker: DOCKER_HOST when given).
/// </summary>
public sealed class ContainerRunner
{
    private readonly IProcessRunner _runner;
    private readonly Action<string> _log;

    private ContainerRunner(
        ContainerEngine engine,
        string executable,
        IReadOnlyDictionary<string, string?> environment,
        IProcessRunner runner,
        Action<string> log)
    {
        Engine = engine;
        Executable = executable;
        Environment = environment;
        _runner = runner;
        _log = log;
    }

    /// <summary>The engine this runner drives.</summary>
    public ContainerEngine Engine { get; }

    /// <summary>Path of the engine's CLI.</summary>
    public string Executable { get; }

    /// <summary>Environment variables set for every engine command.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; }

    /// <summary>A podman runner; writes the containers.conf to <paramref name="configDirectory"/> (default: a per-user temp folder).</summary>
    /// <exception cref="ToolNotFoundException">podman is not installed; the message says how to install it.</exception>
    public static async Task<ContainerRunner> CreatePodmanAsync(
        IProcessRunner runner,
        Action<string> log,
        string? configDirectory = null,
        CancellationToken cancellationToken = default)
    {
        var podman = await new ToolLocator().FindAsync(KnownTools.Podman, cancellationToken).ConfigureAwait(false);
        var conf = await PodmanConfiguration.WriteAsync(configDirectory ?? PodmanConfiguration.DefaultDirectory, cancellationToken)
            .ConfigureAwait(false);
        return new ContainerRunner(ContainerEngine.Podman, podman, new Dictionary<string, string?> { ["CONTAINERS_CONF"] = conf }, runner, log);
    }

    /// <summary>A docker runner talking to <paramref name="dockerHost"/> (e.g. <c>unix:///run/ci/docker.sock</c>), or the default daemon.</summary>
    /// <exception cref="ToolNotFoundException">docker is not installed.</exception>
    public static async Task<ContainerRunner> CreateDockerAsync(
        IProcessRunner runner,
        Action<string> log,
        string? dockerHost = null,
        CancellationToken cancellationToken = default)
    {
        var docker = await new ToolLocator().FindAsync(KnownTools.Docker, cancellationToken).ConfigureAwait(false);
        var environment = new Dictionary<string, string?>();
        if (dockerHost is not null)
            environment["DOCKER_HOST"] = dockerHost;
        return new ContainerRunner(ContainerEngine.Docker, docker, environment, runner, log);
    }

    /// <summary>The exact arguments of <c>run --detach</c> for <paramref name="settings"/> on <paramref name="engine"/>.</summary>
    public static IReadOnlyList<string> RunArguments(ContainerEngine engine, ContainerRunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var args = new List<string> { "run", "--detach" };
        if (settings.Name is { } name)
            args.AddRange(["--name", name]);
        if (settings.HostNetwork)
            args.AddRange(["--network", "host"]);
        if (!settings.TlsVerify && engine == ContainerEngine.Podman)
            args.Add("--tls-verify=false");
        // docker has no such option: it reads the file through DOCKER_CONFIG (see RunDetachedAsync).
        if (settings.AuthFile is { } authFile && engine == ContainerEngine.Podman)
            args.AddRange(["--authfile", authFile]);
        foreach (var (key, value) in settings.Environment.OrderBy(e => e.Key, StringComparer.Ordinal))
            args.AddRange(["--env", $"{key}={value}"]);
        foreach (var (key, value) in settings.Labels.OrderBy(e => e.Key, StringComparer.Ordinal))
            args.AddRange(["--label", $"{key}={value}"]);
        // With the host network there is nothing to publish; engines warn or fail on -p there.
        if (!settings.HostNetwork)
        {
            foreach (var port in settings.Ports)
                args.AddRange(["--publish", port]);
        }
        args.Add(settings.Image);
        args.AddRange(settings.Command);
        return args;
    }

    /// <summary>Starts the container in the background (pulling the image if needed) and returns its id.</summary>
    /// <exception cref="ContainerRunException">The image cannot be pulled or the container cannot start.</exception>
    public async Task<string> RunDetachedAsync(ContainerRunSettings settings, CancellationToken cancellationToken = default)
    {
        _log($"Starting {settings.Name ?? "container"} from {settings.Image} with {Engine}");
        var environment = settings.AuthFile is { } authFile && Engine == ContainerEngine.Docker
            ? new Dictionary<string, string?>(Environment) { ["DOCKER_CONFIG"] = Path.GetDirectoryName(authFile) }
            : Environment;
        var result = await RunAsync(RunArguments(Engine, settings), cancellationToken, TimeSpan.FromMinutes(10), environment).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            var error = string.Join(" ", result.Error.Where(l => !l.StartsWith("Trying to pull", StringComparison.Ordinal)));
            if (IsUnauthorized(error))
                throw new ContainerRunException(
                    $"The registry refused to let {Engine} pull '{settings.Image}' " +
                        $"({(settings.AuthFile is null ? "no credentials were given" : "the credentials given were refused")}): {error}")
                { Unauthorized = true };
            var pull = error.Contains("initializing source", StringComparison.Ordinal) || error.Contains("manifest unknown", StringComparison.Ordinal)
                || error.Contains("pull access denied", StringComparison.Ordinal) || error.Contains("Unable to find image", StringComparison.Ordinal);
            // The plain-HTTP hint only where the engine said it spoke TLS to a plain-HTTP registry.
            var plainHttp = error.Contains("server gave HTTP response to HTTPS client", StringComparison.Ordinal);
            throw new ContainerRunException(pull
                ? $"The image '{settings.Image}' cannot be pulled: {error}. Check that it was pushed with this tag" +
                  (plainHttp && Engine == ContainerEngine.Podman ? " and, for a plain-HTTP registry, set TlsVerify = false."
                      : Engine == ContainerEngine.Docker ? " and that the daemon may pull from its registry." : ".")
                : $"{Engine} could not start a container from '{settings.Image}': {error}");
        }
        return result.Output.LastOrDefault(l => l.Length > 0)?.Trim()
            ?? throw new ContainerRunException($"{Engine} started '{settings.Image}' but printed no container id.");
    }

    /// <summary>Stops the container, giving it <paramref name="grace"/> (default 10 s) to exit after SIGTERM.</summary>
    public async Task StopAsync(string container, TimeSpan? grace = null, CancellationToken cancellationToken = default)
    {
        var seconds = (int)Math.Ceiling((grace ?? TimeSpan.FromSeconds(10)).TotalSeconds);
        await RunCheckedAsync(
            ["stop", "--time", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), container],
            $"stop container '{container}'",
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes the container (forcibly, also when running). Returns false when it did not exist.</summary>
    public async Task<bool> RemoveAsync(string container, CancellationToken cancellationToken = default)
    {
        var result = await RunAsync(["rm", "--force", container], cancellationToken).ConfigureAwait(false);
        // podman's --force also ignores a missing container (exit 0, prints nothing); docker fails with "No such container".
        if (result.ExitCode == 0)
            return result.Output.Any(l => l.Trim().Length > 0);
        if (result.ErrorText.Contains("no such container", StringComparison.OrdinalIgnoreCase))
            return false;
        throw new ContainerRunException($"{Engine} could not remove container '{container}': {result.ErrorText}");
    }

    /// <summary>The container's output so far (stdout lines, then stderr lines).</summary>
    public async Task<IReadOnlyList<string>> LogsAsync(string container, CancellationToken cancellationToken = default)
    {
        var result = await RunCheckedAsync(["logs", container], $"read the logs of container '{container}'", cancellationToken).ConfigureAwait(false);
        return result.Output.Concat(result.Error).ToList();
    }

    /// <summary>The container's state.</summary>
    /// <exception cref="ContainerRunException">No such container.</exception>
    public async Task<ContainerState> InspectAsync(string container, CancellationToken cancellationToken = default)
    {
        var result = await RunCheckedAsync(["container", "inspect", container], $"inspect container '{container}'", cancellationToken).ConfigureAwait(
            false);
        using var json = JsonDocument.Parse(result.OutputText);
        var item = json.RootElement[0];
        var state = item.GetProperty("State");
        var image = item.TryGetProperty("ImageName", out var imageName) ? imageName.GetString()
            : item.GetProperty("Config").GetProperty("Image").GetString();
        return new ContainerState(
            item.GetProperty("Id").GetString()!,
            item.GetProperty("Name").GetString()!.TrimStart('/'),
            state.GetProperty("Status").GetString()!,
            state.GetProperty("Running").GetBoolean(),
            state.GetProperty("ExitCode").GetInt32(),
            image ?? "");
    }

    private async Task<ProcessResult> RunCheckedAsync(IReadOnlyList<string> args, string what, CancellationToken ct)
    {
        var result = await RunAsync(args, ct).ConfigureAwait(false);
        if (result.ExitCode != 0)
            throw new ContainerRunException($"{Engine} could not {what}: {result.ErrorText}");
        return result;
    }

    private static bool IsUnauthorized(string error) =>
        error.Contains("unauthorized", StringComparison.OrdinalIgnoreCase)
            || error.Contains("authentication required", StringComparison.OrdinalIgnoreCase)
            || error.Contains("no basic auth credentials", StringComparison.OrdinalIgnoreCase);

    private Task<ProcessResult> RunAsync(
        IReadOnlyList<string> args,
        CancellationToken ct,
        TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string?>? environment = null) =>
        _runner.RunAsync(new ProcessSpec(Executable, args)
        {
            Environment = environment ?? Environment,
            AllowNonZeroExit = true,
            Timeout = timeout ?? TimeSpan.FromMinutes(2),
        }, ct);
}
