namespace Release.Helm.Charts;

/// <summary>
/// The <c>image.repository</c> a chart ships with. An image pushed to a registry on this machine's loopback address
/// (the build's throwaway <c>localhost:PORT</c> registry) can never be pulled by a cluster, so the chart names the
/// repository path alone (<c>apps/director</c>) and the deployer, or the platform's values file, names the registry.
/// Any other registry is kept: it is where the cluster pulls from.
/// </summary>
public static class ImageRepositoryDefault
{
    /// <summary>The repository to write into values.yaml for an image pushed to <paramref name="repository"/>.</summary>
    /// <param name="repository">REGISTRY/PATH, e.g. <c>127.0.0.1:5000/apps/director</c> or <c>registry.bank.internal/apps/director</c>.</param>
    public static string For(string repository)
    {
        var slash = repository.IndexOf('/');
        if (slash <= 0) return repository;
        var registry = repository[..slash];
        return IsLoopback(registry) ? repository[(slash + 1)..] : repository;
    }

    private static bool IsLoopback(string registry)
    {
        // host[:port], with IPv6 in brackets: [::1]:5000.
        var host = registry.StartsWith('[') ? registry[..(registry.IndexOf(']') + 1)] : registry.Split(':')[0];
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host == "[::1]"
               || (System.Net.IPAddress.TryParse(host, out var address) && System.Net.IPAddress.IsLoopback(address));
    }
}
