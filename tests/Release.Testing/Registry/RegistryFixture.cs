using System.Collections.Concurrent;
using Release.Oci;
using Release.Oci.Server;

namespace Release.Testing.Registry;

/// <summary>
/// One real <c>docker-registry</c> process for a test fixture: temp storage, a free loopback port, stopped and
/// deleted on dispose. Start it in <c>[OneTimeSetUp]</c>, dispose it in <c>[OneTimeTearDown]</c>.
/// </summary>
public sealed class RegistryFixture : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> log;

    private RegistryFixture(RegistryServer server, ConcurrentQueue<string> log)
    {
        Server = server;
        this.log = log;
    }

    /// <summary>The running registry.</summary>
    public RegistryServer Server { get; }

    /// <summary><c>localhost:PORT</c>.</summary>
    public string Address => Server.Address;

    /// <summary>Every line the registry and the clients made by <see cref="CreateClient"/> logged so far.</summary>
    public IReadOnlyList<string> Log => log.ToArray();

    /// <summary>Installs the registry if needed (apt-get) and starts it.</summary>
    public static async Task<RegistryFixture> StartAsync(CancellationToken cancellationToken = default)
    {
        var lines = new ConcurrentQueue<string>();
        var server = await RegistryServer.StartAsync(null, lines.Enqueue, cancellationToken).ConfigureAwait(false);
        return new RegistryFixture(server, lines);
    }

    /// <summary>A client for this registry whose log lines go to <see cref="Log"/>.</summary>
    public OciRegistryClient CreateClient(OciRegistryClientOptions? options = null, RegistryCredentials? credentials = null) =>
        new(Address, credentials, options, log.Enqueue);

    /// <summary>Stops the registry and deletes its storage.</summary>
    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
