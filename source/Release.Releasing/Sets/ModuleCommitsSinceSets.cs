using Release.Tooling.Git;

namespace Release.Releasing.Sets;

/// <summary>
/// A changed module's commits since the earlier sets of its application: the commits reachable from the commit it was
/// built from and from none of the commits the earlier sets' records name (what their pipelines built), and, when the
/// module lives in a folder of the repository, only those that changed that folder (so in a repository of several
/// modules a module's notes list its own changes). Read in-process, no git processes.
/// </summary>
internal static class ModuleCommitsSinceSets
{
    /// <summary>The commits, newest first.</summary>
    /// <param name="workspace">Where Clone checked the module out (its HEAD is <paramref name="commit"/>).</param>
    /// <param name="commit">The commit the module was built from.</param>
    /// <param name="released">Commits the earlier sets' pipelines built (unknown ones are skipped).</param>
    /// <param name="folder">The module's folder in the repository, or null when the repository is the module's own.</param>
    /// <param name="ct">Cancels the walk.</param>
    public static IReadOnlyList<GitCommit> Read(string workspace, string commit, IEnumerable<string> released, string? folder,
        CancellationToken ct)
    {
        using var history = GitHistory.Open(workspace);
        var before = new HashSet<string>(StringComparer.Ordinal);
        foreach (var earlier in released.Where(c => c.Length >= 7).Distinct(StringComparer.Ordinal))
        {
            string resolved;
            try { resolved = history.Resolve(earlier); }
            catch (GitRefNotFoundException) { continue; }
            if (history.Contains(commit, resolved)) before.UnionWith(history.Commits(null, resolved, ct).Select(c => c.Hash));
        }
        var since = history.Commits(null, commit, ct).Where(c => !before.Contains(c.Hash)).ToList();
        if (folder is null or "." or "") return since;
        var touching = history.CommitsChanging(folder, ct).ToHashSet(StringComparer.Ordinal);
        // A folder the history does not know (another layout than expected) filters nothing rather than hiding every change.
        return touching.Count == 0 ? since : since.Where(c => touching.Contains(c.Hash)).ToList();
    }
}
