namespace Release.Releasing.Common;

/// <summary>What the Version target writes to <c>artifacts/release/version.json</c>.</summary>
/// <param name="Version">The release version.</param>
/// <param name="ChartVersion">The chart version (<c>1.4.0+g0156133</c>).</param>
/// <param name="BaseVersion">The last stable release it was computed from.</param>
/// <param name="Bump">The SemVer bump applied.</param>
/// <param name="Channel">The channel the branch aims for.</param>
/// <param name="Branch">The branch.</param>
/// <param name="BranchModel">The branch model used.</param>
/// <param name="Commit">The full commit id.</param>
/// <param name="ShortCommit">The short commit id.</param>
/// <param name="ReleaseType">The explicit release type, if one was asked for.</param>
/// <param name="Reason">Why this version.</param>
/// <param name="ImageTags">The image tags for this build.</param>
public sealed record VersionRecord(
    string Version, string ChartVersion, string BaseVersion, string Bump, string Channel, string Branch, string BranchModel,
    string Commit, string ShortCommit, string? ReleaseType, string Reason, IReadOnlyList<string> ImageTags);
