namespace Release.Pipeline.Records;

/// <summary>
/// What Clone checked out, and the version computed for it: Clone computes the version, chart version and image tag
/// once (from the repository's tags and conventional commits, and <c>--release-type</c> when given), and every later
/// stage and release target reads them here. Nothing else writes this record.
/// </summary>
/// <param name="Repository">The repository as shown (credentials removed).</param>
/// <param name="Workspace">Where Clone checked it out.</param>
/// <param name="Commit">The full commit id.</param>
/// <param name="ShortCommit">The short commit id.</param>
/// <param name="Branch">The branch (null when detached without a branch given).</param>
/// <param name="Tags">Tags on the commit.</param>
/// <param name="AuthorName">The commit's author.</param>
/// <param name="AuthorEmail">The author's e-mail.</param>
/// <param name="CommitDate">The commit's date: the image's and the chart's time.</param>
/// <param name="Version">The release version, e.g. <c>1.4.0</c>.</param>
/// <param name="ChartVersion">The chart version, SemVer 2 with the commit, e.g. <c>1.4.0+g0156133</c>.</param>
/// <param name="ImageTag">The immutable image and chart tag, e.g. <c>1.4.0_g0156133</c> (null in records of older Clones).</param>
/// <param name="Channel">The channel the branch aims for (Alpha, Beta, Stable).</param>
/// <param name="BaseVersion">The last stable release the version was computed from.</param>
/// <param name="Bump">The SemVer bump applied.</param>
/// <param name="BranchModel">The branch model used.</param>
/// <param name="VersionBranch">The branch the version was computed for (the checked-out one, or the one given for a detached head).</param>
/// <param name="ReleaseType">The explicit release type (<c>--release-type</c>), if one was asked for.</param>
/// <param name="VersionReason">Why this version.</param>
/// <param name="ImageTags">Every tag the version gives the image (version, version with commit, channel).</param>
public sealed record SourceRecord(
    string Repository, string Workspace, string Commit, string ShortCommit, string? Branch, IReadOnlyList<string> Tags,
    string AuthorName, string AuthorEmail, DateTimeOffset CommitDate, string Version, string ChartVersion,
    string? ImageTag = null, string? Channel = null, string? BaseVersion = null, string? Bump = null, string? BranchModel = null,
    string? VersionBranch = null, string? ReleaseType = null, string? VersionReason = null, IReadOnlyList<string>? ImageTags = null);
