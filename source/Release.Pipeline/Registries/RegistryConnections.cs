using Release.Oci;
using Release.Engine;

namespace Release.Pipeline.Registries;

/// <summary>
/// Makes registry clients for the stages and the release process (Build, Push, Chart, promotions). Credentials
/// (<c>--registry-username</c>/<c>--registry-password</c>) are given only to the registries the build pushes to, so a password is never offered to
/// another host.
/// </summary>
public sealed class RegistryConnections
{
    private readonly Lazy<RegistryCredentials?> _credentials;
    private readonly OciRegistryClientOptions _options;
    private readonly Action<string> _log;

    /// <summary>Creates the factory.</summary>
    /// <param name="userName">User for the target registries, or null for anonymous access.</param>
    /// <param name="password">Password or token; required when <paramref name="userName"/> is set.</param>
    /// <param name="log">Receives one line per retry or token fetch (never a secret).</param>
    /// <param name="options">Retry settings; the client's defaults (4 attempts, exponential backoff) when null.</param>
    public RegistryConnections(string? userName, string? password, Action<string> log, OciRegistryClientOptions? options = null)
    {
        // Checked when a client is made, not before: a build that contacts no registry is not failed by a half-given login.
        _credentials = new Lazy<RegistryCredentials?>(() => RegistryLogin.From(userName, password));
        _log = log;
        _options = options ?? new OciRegistryClientOptions();
    }

    /// <summary>The user name in force, for messages; null when anonymous.</summary>
    public string? UserName => _credentials.Value?.UserName;

    /// <summary>A client for a registry the build pushes to (with the credentials).</summary>
    public OciRegistryClient Target(string address) => Create(address, _credentials.Value);

    /// <summary>A client for a registry the build only reads from (Build's registry): no credentials are sent to it.</summary>
    public OciRegistryClient Source(string address, string? targetAddress = null) =>
        Create(address, SameHost(address, targetAddress) ? _credentials.Value : null);

    private OciRegistryClient Create(string address, RegistryCredentials? credentials)
    {
        try
        {
            return new OciRegistryClient(address, credentials, _options, _log);
        }
        catch (ArgumentException e)
        {
            throw new BuildInputException($"Registry address '{address}' is not valid: {e.Message}", e);
        }
    }

    private static bool SameHost(string address, string? other) =>
        other is not null
            && string.Equals(RegistryAddress.Parse(address).Host, RegistryAddress.Parse(other).Host, StringComparison.OrdinalIgnoreCase);
}
