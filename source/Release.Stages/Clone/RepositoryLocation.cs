using Release.Engine;

namespace Release.Stages.Clone;

/// <summary>What a repository address may show in records and logs: never the credentials a URL can carry.</summary>
public static class RepositoryLocation
{
    /// <summary>
    /// Returns <paramref name="location"/> without user name and password (<c>https://user:token@host/x</c> becomes
    /// <c>https://host/x</c>); local paths and scp-like addresses are returned as they are.
    /// </summary>
    public static string Redact(string location)
    {
        if (!location.Contains("://", StringComparison.Ordinal) || !Uri.TryCreate(location, UriKind.Absolute, out var uri)
            || uri.UserInfo.Length == 0)
            return location;
        return new UriBuilder(uri) { UserName = "", Password = "" }.Uri.AbsoluteUri;
    }

    /// <summary>
    /// Makes a relative local path absolute against the build's root, so it means the same wherever git runs;
    /// URLs (<c>scheme://</c>) and scp-like addresses (<c>host:path</c>) are returned as they are.
    /// </summary>
    public static string Resolve(string location, string root)
    {
        var text = location.Trim();
        if (text.Length == 0)
            throw new BuildInputException("--source-repository is empty: pass a repository URL or path, or leave it out to clone the build's own " +
                "root.");
        if (text.Contains("://", StringComparison.Ordinal) || Path.IsPathFullyQualified(text)) return text;
        var colon = text.IndexOf(':');
        var slash = text.IndexOf('/');
        if (colon > 0 && (slash < 0 || colon < slash)) return text; // git@host:group/repo.git
        return Path.GetFullPath(Path.Combine(root, text));
    }

    /// <summary>True when <paramref name="reference"/> looks like a commit id rather than a branch or tag name.</summary>
    public static bool IsCommitId(string reference) =>
        reference.Length is >= 7 and <= 64 && reference.All(char.IsAsciiHexDigit);
}
