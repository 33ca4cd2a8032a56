using Release.SemVer;

namespace Release.Process.Versioning;

/// <summary>What the version calculator needs; the git reading that produces it happens in a stage component.</summary>
/// <param name="ReachableReleaseTags">Versions of release tags reachable from the commit being built (pre-release tags are ignored for the
/// base).</param>
/// <param name="CommitsSinceRelease">Parsed commits between the last release tag and the commit being built.</param>
/// <param name="Branch">The branch being built.</param>
/// <param name="Height">Number of commits since the last release tag (0 when the commit is tagged).</param>
/// <param name="ShortSha">The abbreviated commit id being built.</param>
/// <param name="ExplicitReleaseType">A release type chosen by a release engineer, overriding the commit-derived bump.</param>
public sealed record VersionInput(
    IReadOnlyList<SemanticVersion> ReachableReleaseTags,
    IReadOnlyList<ConventionalCommit> CommitsSinceRelease,
    string Branch,
    int Height,
    string ShortSha,
    ReleaseType? ExplicitReleaseType = null);
