using Release.Tooling.Processes;

namespace Release.Tooling.Git;

/// <summary>
/// Turns git's failure messages (read in the C locale) into exceptions that name the repository or ref
/// and say how to fix it. Returns <c>null</c> when the failure is not one it recognises.
/// </summary>
internal static class GitErrorTranslator
{
    private static readonly System.Collections.Immutable.ImmutableArray<string> MissingRepository =
    [
        "does not appear to be a git repository", "Could not read from remote repository", "not found",
        "does not exist", "unable to access",
    ];

    private static readonly System.Collections.Immutable.ImmutableArray<string> MissingRevision =
    [
        "did not match any file(s) known to git", "unknown revision", "Needed a single revision",
        "not a valid object name", "invalid reference", "bad revision", "couldn't find remote ref",
        "not found in upstream",
    ];

    public static Exception? ForRemote(ProcessFailedException failure, string maskedUrl, string? reference)
    {
        var text = string.Join('\n', failure.LastLines);
        if (reference is not null && MissingRevision.Any(text.Contains))
        {
            return new GitRefNotFoundException(reference, maskedUrl,
                $"The branch or ref '{reference}' does not exist in '{maskedUrl}'. To fix: check the name " +
                $"(list branches with 'git ls-remote --heads {maskedUrl}') or omit it to use the default branch.\n{failure.Message}", failure);
        }
        if (MissingRepository.Any(text.Contains))
        {
            return new GitRepositoryNotFoundException(maskedUrl,
                $"No git repository at '{maskedUrl}' (or it is not reachable). To fix: check the URL or path, " +
                $"and for a private repository that the credentials grant read access.\n{failure.Message}", failure);
        }
        return null;
    }

    public static Exception? ForLocal(ProcessFailedException failure, string directory, string? reference)
    {
        var text = string.Join('\n', failure.LastLines);
        if (text.Contains("not a git repository", StringComparison.Ordinal))
        {
            return new GitRepositoryNotFoundException(directory,
                $"'{directory}' is not inside a git repository. To fix: clone or 'git init' it first, or pass the repository's " +
                    $"folder.\n{failure.Message}", failure);
        }
        if (reference is not null && MissingRevision.Any(text.Contains))
        {
            return new GitRefNotFoundException(reference, directory,
                $"The branch, tag or revision '{reference}' does not exist in the repository at '{directory}'. " +
                $"To fix: check the name, or fetch it first (shallow clones and single-branch clones lack other refs).\n{failure.Message}", failure);
        }
        return null;
    }
}
