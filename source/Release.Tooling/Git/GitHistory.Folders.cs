using LibGit2Sharp;

namespace Release.Tooling.Git;

/// <summary>The history of some folders of a repository: when they last changed, and which of their files changed.</summary>
public sealed partial class GitHistory
{
    /// <summary>
    /// The commit that gave <paramref name="folders"/> the content they have at <paramref name="revision"/>: following
    /// first parents from it, the oldest commit before which one of the folders differed (the root commit when none
    /// did). The folders are the same at that commit as at the revision, so what is built from them can be named by
    /// it. <c>.</c> is the whole tree; a folder missing at a commit counts as a content of its own.
    /// </summary>
    /// <exception cref="GitRefNotFoundException">The revision names no commit.</exception>
    public string LastCommitChanging(IReadOnlyList<string> folders, string revision = "HEAD", CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(folders);
        var commit = CommitOf(revision);
        var content = ContentOf(commit, folders);
        while (commit.Parents.FirstOrDefault() is { } parent && ContentOf(parent, folders).SequenceEqual(content))
        {
            ct.ThrowIfCancellationRequested();
            commit = parent;
        }
        return commit.Sha;
    }

    /// <summary>
    /// The files under <paramref name="folders"/> that differ between two commits (added, changed, deleted or renamed),
    /// in path order, as <c>git diff --name-only FROM TO -- FOLDERS</c> lists them.
    /// </summary>
    /// <exception cref="GitRefNotFoundException">From or To names no commit.</exception>
    public IReadOnlyList<string> FilesChanged(string from, string to, IReadOnlyList<string> folders)
    {
        ArgumentNullException.ThrowIfNull(folders);
        var paths = folders.Any(f => Normalize(f).Length == 0) ? null : folders.Select(Normalize).ToList();
        var changes = _repository.Diff.Compare<TreeChanges>(CommitOf(from).Tree, CommitOf(to).Tree, paths);
        return changes.Select(c => c.Path.Replace('\\', '/')).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    private static ObjectId?[] ContentOf(Commit commit, IReadOnlyList<string> folders) =>
        folders.Select(folder => Normalize(folder) is { Length: > 0 } path ? commit[path]?.Target.Id : commit.Tree.Id).ToArray();

    private static string Normalize(string folder) => folder.Replace('\\', '/').Trim('/') is "." ? "" : folder.Replace('\\', '/').Trim('/');
}
