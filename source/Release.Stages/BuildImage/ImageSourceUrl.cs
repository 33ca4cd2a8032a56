using Release.Stages.Clone;
using Release.Tooling.Git;
using Release.Tooling.Processes;

namespace Release.Stages.BuildImage;

/// <summary>
/// The <c>org.opencontainers.image.source</c> label: the repository's public address, the same on every machine. A
/// local checkout is named by its <c>origin</c> remote (a host path would make the image digest depend on where the
/// build ran); credentials are removed (a CI checkout's origin carries the job token) and SSH forms become the https
/// address the SSH one stands for, so a desk's <c>git@host:group/app.git</c> and CI's
/// <c>https://gitlab-ci-token:***@host/group/app.git</c> give one label, <c>https://host/group/app</c>.
/// </summary>
public static class ImageSourceUrl
{
    /// <summary>
    /// The label for the repository Clone read (<paramref name="repository"/>, a URL or a local path): a local checkout's
    /// origin remote when it has one, else the URL as given; <c>null</c> for a local path without origin (no host path
    /// goes into the image). <c>Why</c> says where the address came from, or why there is none.
    /// </summary>
    public static async Task<(string? Url, string Why)> ResolveAsync(string repository, CancellationToken ct)
    {
        var local = LocalPath(repository);
        var given = local is null || repository.StartsWith("file://", StringComparison.Ordinal) ? Normalize(repository) : null;
        if (local is null) return (given, "the repository Clone read");
        var origin = Directory.Exists(local) ? await OriginAsync(local, ct).ConfigureAwait(false) : null;
        if (origin is not null)
            return (Normalize(LocalPath(origin) is { } path ? new Uri(Path.GetFullPath(path, local)).AbsoluteUri : origin), "the origin remote of " +
                $"{local}");
        return given is null
            ? (null, $"the local repository {local} has no origin remote (git remote add origin URL names it), and a host path would make the " +
                "digest depend on where the build ran")
            : (given, $"the repository Clone read ({local} has no origin remote)");
    }

    private static async Task<string?> OriginAsync(string local, CancellationToken ct)
    {
        try
        {
            // No log: a CI checkout's origin URL holds the job token.
            var origin = await new GitRepository(local, new GitClient()).RemoteUrlAsync("origin", ct).ConfigureAwait(false);
            return origin.Length == 0 ? null : origin;
        }
        catch (ProcessFailedException)
        {
            return null;
        }
    }

    /// <summary>
    /// Removes credentials, a trailing <c>.git</c> and <c>/</c>; <c>user@host:path</c> and <c>ssh://user@host[:port]/path</c>
    /// become <c>https://host/path</c>. File URLs stay as they are.
    /// </summary>
    public static string Normalize(string url)
    {
        var text = url.Trim();
        if (!text.Contains("://", StringComparison.Ordinal) && text.IndexOf(':') is > 0 and var colon && text.IndexOf('/') is var slash
            && (slash < 0 || colon < slash))
        {
            var host = text[..colon];
            text = $"https://{host[(host.IndexOf('@') + 1)..]}/{text[(colon + 1)..].TrimStart('/')}";
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)) return Trim(RepositoryLocation.Redact(text));
        if (uri.IsFile) return uri.AbsoluteUri;
        var builder = new UriBuilder(uri) { UserName = "", Password = "" };
        if (uri.Scheme is "ssh" or "git+ssh" or "git")
        {
            builder.Scheme = "https";
            builder.Port = -1;
        }
        return Trim(builder.Uri.AbsoluteUri);
    }

    private static string Trim(string url)
    {
        var trimmed = url.TrimEnd('/');
        return trimmed.EndsWith(".git", StringComparison.Ordinal) ? trimmed[..^4] : trimmed;
    }

    // A path or file:// URL names a repository on this machine; anything else is an address others can reach.
    private static string? LocalPath(string location)
    {
        if (location.StartsWith("file://", StringComparison.Ordinal) && Uri.TryCreate(location, UriKind.Absolute,
            out var file)) return file.LocalPath;
        if (location.Contains("://", StringComparison.Ordinal)) return null;
        var colon = location.IndexOf(':');
        var slash = location.IndexOf('/');
        return colon > 0 && (slash < 0 || colon < slash) ? null : location;
    }
}
