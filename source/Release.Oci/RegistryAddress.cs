using System.Net;

namespace Release.Oci;

/// <summary>
/// Where a registry is: the base URI requests go to and the host name used in messages and image references.
/// </summary>
public sealed record RegistryAddress
{
    private RegistryAddress(Uri baseUri)
    {
        BaseUri = baseUri;
        Host = baseUri.IsDefaultPort ? baseUri.Host : $"{baseUri.Host}:{baseUri.Port}";
    }

    /// <summary>The scheme, host and port, e.g. <c>http://localhost:5000/</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>The registry host as written in image references, e.g. <c>localhost:5000</c>.</summary>
    public string Host { get; }

    /// <summary>
    /// Parses <c>host[:port]</c> or a full <c>http(s)://host[:port]</c> URI. Without a scheme, loopback hosts
    /// get plain HTTP and others HTTPS, unless <paramref name="plainHttp"/> says otherwise.
    /// </summary>
    public static RegistryAddress Parse(string address, bool? plainHttp = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        var text = address.Trim().TrimEnd('/');
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            var host = text.Split(':')[0];
            var useHttp = plainHttp ?? IsLoopback(host);
            text = (useHttp ? "http://" : "https://") + text;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https")
            || uri.AbsolutePath != "/")
        {
            throw new ArgumentException(
                $"registry address '{address}' is not valid; write 'host[:port]' (e.g. 'localhost:5000') " +
                "or 'https://host[:port]' without a path.", nameof(address));
        }

        return new RegistryAddress(uri);
    }

    /// <summary>The URI of <paramref name="relative"/> (e.g. <c>/v2/</c>) on this registry.</summary>
    public Uri Resolve(string relative) => new(BaseUri, relative);

    /// <inheritdoc />
    public override string ToString() => Host;

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
}
