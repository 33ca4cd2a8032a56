namespace Release.Oci;

/// <summary>
/// A client for one registry speaking the OCI distribution API (<c>/v2/</c>): blobs, uploads, mounts,
/// manifests and tags. It answers Basic and Bearer-token challenges, retries connection failures and 5xx with
/// exponential backoff, and verifies every digest it reads. Credentials never reach messages or logs.
/// </summary>
public sealed partial class OciRegistryClient : IDisposable
{
    private readonly RegistryTransport _transport;
    private readonly OciRegistryClientOptions _options;
    private readonly Action<string> _log;

    /// <summary>Creates a client for the registry at <paramref name="address"/> (e.g. <c>localhost:5000</c>).</summary>
    /// <param name="address"><c>host[:port]</c> or <c>http(s)://host[:port]</c>.</param>
    /// <param name="credentials">User and password/token, or null for anonymous access.</param>
    /// <param name="options">Retry and upload settings; defaults when null.</param>
    /// <param name="log">Receives one line per notable event (retries, token fetches, uploads); may be null.</param>
    /// <param name="httpClient">An HttpClient to use (not disposed by this client); a private one when null.</param>
    public OciRegistryClient(
        string address,
        RegistryCredentials? credentials = null,
        OciRegistryClientOptions? options = null,
        Action<string>? log = null,
        HttpClient? httpClient = null)
    {
        _options = options ?? new OciRegistryClientOptions();
        _options.Validate();
        _log = log ?? (_ => { });
        Address = RegistryAddress.Parse(address, _options.PlainHttp);
        _transport = new RegistryTransport(Address, credentials, _options, _log, httpClient);
    }

    /// <summary>Where the registry is.</summary>
    public RegistryAddress Address { get; }

    /// <summary>The settings in force.</summary>
    public OciRegistryClientOptions Options => _options;

    /// <summary>
    /// Checks that the registry answers <c>GET /v2/</c> (with authentication if it asks for it);
    /// throws when it is unreachable or refuses the credentials.
    /// </summary>
    public async Task CheckAsync(CancellationToken cancellationToken = default)
    {
        using var response = await _transport.SendAsync(
            () => new HttpRequestMessage(HttpMethod.Get, Address.Resolve("/v2/")), string.Empty, cancellationToken)
            .ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            await _transport.ThrowForAsync(response, "check the API version (GET /v2/)", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Releases the private HttpClient, if any.</summary>
    public void Dispose() => _transport.Dispose();

    private Uri RepositoryUri(string repository, string rest) => Address.Resolve($"/v2/{repository}/{rest}");
}
