using Release.Oci.Server;
using Release.Foundation.IO;

namespace Release.Pipeline.Registries;

/// <summary>
/// The registry a run uses when no <c>--registry</c> is given: Debian's docker-registry on 127.0.0.1, started on first
/// use, storing under the services folder (so images survive between runs), stopped by its process id when the run
/// ends. It keeps its port across runs (remembered beside its storage), because records, charts and deployments name
/// images by <c>localhost:PORT/...</c>: a later run that skips Build still finds the image there. One per run, from
/// <see cref="IPipeline.EmbeddedRegistry"/>; never static.
/// </summary>
public sealed class EmbeddedRegistry(string storageDirectory, Action<string> log) : IAsyncDisposable
{
    private const string PortFileName = "release-registry-port";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private RegistryServer? _server;

    /// <summary>The address this registry had in the last run that started it (<c>localhost:PORT</c>), or null if none did.</summary>
    public string? RememberedAddress => ReadPort() is { } port ? $"localhost:{port}" : null;

    /// <summary>Starts the registry if it is not running yet (installing docker-registry with apt when missing); returns
    /// <c>localhost:PORT</c>.</summary>
    public async Task<string> GetAddressAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_server is null)
            {
                var remembered = ReadPort();
                _server = await RegistryServer.StartAsync(storageDirectory, Filter, ct, remembered).ConfigureAwait(false);
                if (remembered is not null && remembered != _server.Port)
                    log($"The embedded registry's port {remembered} is taken by another program; it listens on {_server.Port} now, so images are " +
                        "rebuilt for the new address.");
                await RememberPortAsync(_server.Port, ct).ConfigureAwait(false);
            }
            return _server.Address;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Starts the registry when <paramref name="address"/> (read from an upstream record) is this registry's, so a
    /// stage can read what an earlier run pushed. Other addresses are left alone.
    /// </summary>
    /// <exception cref="InvalidOperationException">The registry cannot get that address back (another program holds its port).</exception>
    public async Task EnsureRunningAsync(string address, CancellationToken ct)
    {
        if (_server is null && !string.Equals(address, RememberedAddress, StringComparison.OrdinalIgnoreCase)) return;
        if (_server is not null && !string.Equals(address, _server.Address, StringComparison.OrdinalIgnoreCase)) return;
        var actual = await GetAddressAsync(ct).ConfigureAwait(false);
        if (!string.Equals(actual, address, StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException(
                $"The records name the embedded registry at {address}, but another program holds that port now and the registry started at " +
                    $"{actual}. " +
                    "Run Build again (./build.sh --force) so the image is pushed to the registry's new address.");
    }

    /// <summary>Stops the registry process; its storage stays.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
    }

    private int? ReadPort()
    {
        var file = Path.Combine(storageDirectory, PortFileName);
        return File.Exists(file) && int.TryParse(File.ReadAllText(file).Trim(), out var port) ? port : null;
    }

    private async Task RememberPortAsync(int port, CancellationToken ct)
    {
        await AtomicFile.WriteTextAsync(
            Path.Combine(storageDirectory, PortFileName),
            port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ct).ConfigureAwait(false);
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
