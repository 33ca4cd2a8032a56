using Release.Process.Versioning;
using Release.SemVer;
using Release.Tooling.Git;

namespace Release.Releasing.Versioning;

/// <summary>
/// The git facts a release is made of, read from a checked-out repository by the one tag-to-version reader
/// (<see cref="ReleaseTagHistory"/>): the release tags reachable from a commit, the newest stable one, and the
/// commits since it. Parsing and version rules stay in Release.Process.
/// </summary>
/// <param name="Tags">Reachable release tags (name, version), pre-releases included.</param>
/// <param name="LastStableTag">The newest reachable stable tag, or null.</param>
/// <param name="Commits">The commits after <paramref name="LastStableTag"/> up to the commit, newest first.</param>
internal sealed record ReleaseCommits(
    IReadOnlyList<(string Name, SemanticVersion Version)> Tags,
    (string Name, SemanticVersion Version)? LastStableTag,
    IReadOnlyList<GitCommit> Commits)
{
    /// <summary>The commits as conventional commits (non-conventional ones kept as "other").</summary>
    public IReadOnlyList<ConventionalCommit> Conventional =>
        Commits.Select(c => ConventionalCommitParser.ParseOrOther(c.Message, c.Hash[..7])).ToArray();

    /// <summary>Reads the facts for <paramref name="to"/>, optionally stopping before a version's own tag (in-process, no git processes).</summary>
    public static Task<ReleaseCommits> ReadAsync(string workspace, string to, CancellationToken ct, SemanticVersion? below = null)
    {
        using var history = GitHistory.Open(workspace);
        var facts = ReleaseTagHistory.Read(history, to, below, ct);
        return Task.FromResult(new ReleaseCommits(
            facts.Tags.Select(t => (t.Name, t.Version)).ToArray(),
            facts.LastStable is { } last ? (last.Name, last.Version) : null,
            facts.Commits));
    }

    /// <summary>
    /// Everyone who authored or committed a change in the release, plus <c>Co-authored-by</c> trailers: none of them
    /// may vote Go on it.
    /// </summary>
    public IReadOnlyList<string> Authors()
    {
        var people = new List<string>();
        foreach (var commit in Commits)
        {
            people.Add(commit.Author.Email);
            people.Add(commit.Committer.Email);
            foreach (var line in commit.Body.Split('\n'))
            {
                var trimmed = line.Trim();
                if (!trimmed.StartsWith("Co-authored-by:", StringComparison.OrdinalIgnoreCase)) continue;
                var open = trimmed.IndexOf('<');
                var close = trimmed.IndexOf('>');
                if (open >= 0 && close > open) people.Add(trimmed[(open + 1)..close]);
            }
        }
        return people.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToArray();
    }
}
