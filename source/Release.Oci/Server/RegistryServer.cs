using System.Collections.Concurrent;
using System.Diagnostics;
using Release.Tooling.Tools;

namespace Release.Oci.Server;

/// <summary>
/// A real registry (Debian's <c>docker-registry</c>, distribution 2.8) running as a child process on 127.0.0.1
/// with a free port, its own config file and its own storage directory. Disposing stops the process by its id.
/// </summary>
public sealed partial class RegistryServer : IAsyncDisposable
{
    private const int PortAttempts = 3;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _recentOutput;
    private readonly string _workDirectory;

    private RegistryServer(Process process, ConcurrentQueue<string> recentOutput, int port, string workDirectory,
        string storageDirectory)
    {
        _process = process;
        _recentOutput = recentOutput;
        _workDirectory = workDirectory;
        Port = port;
        StorageDirectory = storageDirectory;
    }

    /// <summary>The port the registry listens on (127.0.0.1 only).</summary>
    public int Port { get; }

    /// <summary>
    /// The address for clients and image references: <c>localhost:PORT</c>. The .NET SDK, skopeo and this
    /// library treat <c>localhost</c> as a plain-HTTP registry.
    /// </summary>
    public string Address => $"localhost:{Port}";

    /// <summary>The process id of the registry.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Where the registry stores blobs and manifests.</summary>
    public string StorageDirectory { get; }

    /// <summary>
    /// Installs <c>docker-registry</c> with apt-get when it is missing (idempotent; needs root). Returns the executable's path.
    /// </summary>
    public static Task<string> EnsureInstalledAsync(Action<string>? log = null, CancellationToken cancellationToken = default) =>
        new AptInstaller(log: log).EnsureToolAsync(KnownTools.DockerRegistry, cancellationToken);

    /// <summary>
    /// Starts a registry and returns once <c>GET /v2/</c> answers. Installs the package first when it is missing.
    /// </summary>
    /// <param name="storageDirectory">Where to store content; a temp directory (deleted on dispose) when null.</param>
    /// <param name="log">Receives the registry's output lines and lifecycle events.</param>
    /// <param name="cancellationToken">Cancels start-up (the process is stopped).</param>
    /// <param name="preferredPort">
    /// A port to try first, so a registry restarted on the same storage keeps its address (image references that name
    /// it stay valid); when it is taken, a free port is used instead. Check <see cref="Port"/>.
    /// </param>
    public static async Task<RegistryServer> StartAsync(
        string? storageDirectory = null, Action<string>? log = null, CancellationToken cancellationToken = default, int? preferredPort = null)
    {
        log ??= _ => { };
        var executable = await EnsureInstalledAsync(log, cancellationToken).ConfigureAwait(false);
        var workDirectory = Directory.CreateTempSubdirectory("release-registry-").FullName;
        var storage = storageDirectory ?? Path.Combine(workDirectory, "storage");
        Directory.CreateDirectory(storage);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                // Another server already on the preferred port could answer the readiness probe in our process's place.
                var port = attempt == 1 && preferredPort is > 0 and < 65536 && FreeTcpPort.IsFree(preferredPort.Value)
                    ? preferredPort.Value
                    : FreeTcpPort.Next();
                var server = await TryStartAsync(executable, port, workDirectory, storage, log, cancellationToken)
                    .ConfigureAwait(false);
                if (server is not null)
                {
                    return server;
                }

                if (attempt >= PortAttempts)
                {
                    throw new InvalidOperationException(
                        $"docker-registry could not bind a free port on 127.0.0.1 after {PortAttempts} attempts; see the log lines above.");
                }
            }
        }
        catch
        {
            Directory.Delete(workDirectory, recursive: true);
            throw;
        }
    }

    /// <summary>Stops the registry process (by its id) and deletes its config and, if it made it, its storage.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync(_process).ConfigureAwait(false);
        _process.Dispose();
        if (Directory.Exists(_workDirectory))
        {
            Directory.Delete(_workDirectory, recursive: true);
        }
    }

    /// <summary>The last lines the registry printed (for diagnosing a failing test).</summary>
    public IReadOnlyList<string> RecentOutput => _recentOutput.ToArray();

    private static async Task StopAsync(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync().ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // The process had already gone: nothing to stop.
        }
    }
}
