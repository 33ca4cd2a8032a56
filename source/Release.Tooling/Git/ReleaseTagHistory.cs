using Release.SemVer;

namespace Release.Tooling.Git;

/// <summary>
/// The history a version is computed from: the release tags reachable from a commit, the newest stable one, and the
/// commits since it. The one reader of tags as versions (Clone's version and the release process both use it).
/// </summary>
/// <param name="Tags">The reachable release tags, pre-releases included, in tag-name order.</param>
/// <param name="LastStable">The newest reachable stable tag (below the limit, when one was given), or null.</param>
/// <param name="Commits">The commits after <paramref name="LastStable"/> up to the commit, newest first.</param>
public sealed record ReleaseTagHistory(IReadOnlyList<ReleaseTag> Tags, ReleaseTag? LastStable, IReadOnlyList<GitCommit> Commits)
{
    /// <summary>Reads the history of <paramref name="to"/>.</summary>
    /// <param name="history">The opened repository.</param>
    /// <param name="to">The commit (or revision) whose history is read.</param>
    /// <param name="below">When set, the last stable tag is the newest one below this version (a release's own tag is not its start).</param>
    /// <param name="ct">Cancels the walk.</param>
    /// <exception cref="GitRefNotFoundException"><paramref name="to"/> names no commit.</exception>
    public static ReleaseTagHistory Read(GitHistory history, string to, SemanticVersion? below = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(history);
        var tags = history.TagsReachableFrom(to, ct).Select(ReleaseTag.FromName).OfType<ReleaseTag>().ToArray();
        var last = tags.Where(t => !t.Version.IsPreRelease && (below is null || t.Version < below)).OrderByDescending(t => t.Version)
            .FirstOrDefault();
        return new ReleaseTagHistory(tags, last, history.Commits(last?.Name, to, ct));
    }
}
