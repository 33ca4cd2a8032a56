namespace Release.Containers.Running;

/// <summary>How to start a container in the background.</summary>
/// <param name="Image">Image reference to run.</param>
public sealed record ContainerRunSettings(string Image)
{
    /// <summary>Container name; lets later calls (stop, logs) find it.</summary>
    public string? Name { get; init; }

    /// <summary>Environment variables for the container (sorted when written).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Port publications, <c>HOST:CONTAINER</c> (ignored by engines when <see cref="HostNetwork"/> is set).</summary>
    public IReadOnlyList<string> Ports { get; init; } = [];

    /// <summary>Share the host network (<c>--network host</c>); the only way to reach a server on hosts without network namespaces.</summary>
    public bool HostNetwork { get; init; }

    /// <summary>False to pull over plain HTTP or with unverified TLS (podman's <c>--tls-verify=false</c>; docker decides via its daemon
    /// config).</summary>
    public bool TlsVerify { get; init; } = true;

    /// <summary>
    /// Registry credentials for pulling the image (<see cref="RegistryAuthFile.Path"/>): podman gets <c>--authfile</c>,
    /// docker <c>DOCKER_CONFIG</c> set to the file's folder. Null pulls as the engine's user would.
    /// </summary>
    public string? AuthFile { get; init; }

    /// <summary>Labels for the container, e.g. the pipeline run id, so leftovers can be found.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Command and arguments after the image; empty runs the image's entrypoint as is.</summary>
    public IReadOnlyList<string> Command { get; init; } = [];
}
