using Release.Oci.Server;

namespace Release.Stages.BuildImage;

/// <summary>
/// The registry a run uses when no <c>--registry</c> is given: Debian's docker-registry on 127.0.0.1, started on first
/// use, storing under the services folder (so images survive between runs), stopped by its process id when the run
/// ends. Obtain it with <c>Context.GetOrAddService</c>: one per run, never static.
/// </summary>
public sealed class EmbeddedRegistry(string storageDirectory, Action<string> log) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private RegistryServer? _server;

    /// <summary>Starts the registry if it is not running yet (installing docker-registry with apt when missing); returns <c>localhost:PORT</c>.</summary>
    public async Task<string> GetAddressAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            _server ??= await RegistryServer.StartAsync(storageDirectory, Filter, ct);
            return _server.Address;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops the registry process; its storage stays.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        _gate.Dispose();
    }

    // The registry logs every request; only its lifecycle and real errors are worth a build log line. Clients ask
    // for blobs and manifests before pushing them, so "unknown" answers are expected, not errors.
    private void Filter(string line)
    {
        if (!line.StartsWith("registry:", StringComparison.Ordinal)) { log(line); return; }
        var error = line.Contains("level=error", StringComparison.Ordinal) || line.Contains("level=fatal", StringComparison.Ordinal);
        if (error && !line.Contains("blob unknown", StringComparison.Ordinal) && !line.Contains("manifest unknown", StringComparison.Ordinal))
            log(line);
    }
}
