using Release.Process.Versioning;
using Release.SemVer;
using Release.Tooling.Git;

namespace Release.Releasing.Versioning;

/// <summary>
/// The git facts a release is made of, read from a checked-out repository: the stable release tags reachable from
/// a commit, the newest one, and the commits since it. Parsing and version rules stay in Release.Process.
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

    /// <summary>Reads the facts for <paramref name="to"/> (default HEAD), optionally stopping before a version's own tag.</summary>
    public static async Task<ReleaseCommits> ReadAsync(GitRepository repository, string to, CancellationToken ct, SemanticVersion? below = null)
    {
        var names = await repository.ListTagsAsync(new GitTagListSettings { Merged = to }, ct);
        var tags = new List<(string, SemanticVersion)>();
        foreach (var name in names)
        {
            var text = name.StartsWith('v') || name.StartsWith('V') ? name[1..] : name;
            if (SemanticVersion.TryParse(text, out var version, out _) && version!.BuildMetadata.Count == 0)
                tags.Add((name, version));
        }
        var last = tags.Where(t => !t.Item2.IsPreRelease && (below is null || t.Item2 < below))
            .OrderByDescending(t => t.Item2).Select(t => ((string, SemanticVersion)?)t).FirstOrDefault();
        var commits = await repository.LogAsync(new GitLogSettings { From = last?.Item1, To = to }, ct);
        return new ReleaseCommits(tags, last, commits);
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
