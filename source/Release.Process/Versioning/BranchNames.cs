using System.Text;

namespace Release.Process.Versioning;

/// <summary>Normalises branch names and turns them into pre-release identifiers.</summary>
public static class BranchNames
{
    // Keeps versions (and the OCI tags made from them, max 128 chars) short.
    private const int MaxIdentifierLength = 40;

    /// <summary>Removes a leading <c>refs/heads/</c> so CI ref names and plain branch names compare equal.</summary>
    /// <param name="branch">The branch or ref name.</param>
    /// <exception cref="ArgumentException">The name is empty.</exception>
    public static string Normalise(string branch)
    {
        if (string.IsNullOrWhiteSpace(branch))
            throw new ArgumentException(
                "Branch name is empty: pass the branch being built (e.g. CI_COMMIT_REF_NAME or Build.SourceBranch).",
                nameof(branch));
        var name = branch.Trim();
        return name.StartsWith("refs/heads/", StringComparison.Ordinal) ? name["refs/heads/".Length..] : name;
    }

    /// <summary>
    /// A valid SemVer pre-release identifier from a branch name: lower case, every character outside
    /// <c>[a-z0-9-]</c> becomes <c>-</c>, runs of <c>-</c> collapse, at most 40 characters; a purely numeric
    /// result gets a <c>b</c> prefix so it can never be a numeric identifier with a leading zero.
    /// </summary>
    /// <param name="branch">The branch name, e.g. <c>feature/PROJ-12_Login</c> → <c>feature-proj-12-login</c>.</param>
    public static string ToIdentifier(string branch)
    {
        var builder = new StringBuilder();
        foreach (var c in Normalise(branch).ToLowerInvariant())
        {
            var safe = char.IsAsciiLetterOrDigit(c) ? c : '-';
            if (safe == '-' && (builder.Length == 0 || builder[^1] == '-')) continue;
            builder.Append(safe);
        }
        var identifier = builder.ToString().TrimEnd('-');
        if (identifier.Length > MaxIdentifierLength) identifier = identifier[..MaxIdentifierLength].TrimEnd('-');
        if (identifier.Length == 0) return "branch";
        return identifier.All(char.IsAsciiDigit) ? "b" + identifier : identifier;
    }
}
