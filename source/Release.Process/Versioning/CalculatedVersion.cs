using Release.SemVer;

namespace Release.Process.Versioning;

/// <summary>The result of <see cref="VersionCalculator.Calculate"/>.</summary>
/// <param name="Version">The next version, e.g. <c>1.3.0-alpha.5</c> or <c>1.3.0</c>.</param>
/// <param name="BaseVersion">The last stable release the version was computed from (0.0.0 when there is none).</param>
/// <param name="Bump">The bump applied to the base.</param>
/// <param name="Branch">The branch policy used.</param>
/// <param name="ShortSha">The commit id (lower case) the version was computed for.</param>
/// <param name="Reason">Why this bump, in one sentence, for logs and release notes.</param>
public sealed record CalculatedVersion(
    SemanticVersion Version,
    SemanticVersion BaseVersion,
    VersionBump Bump,
    BranchPolicy Branch,
    string ShortSha,
    string Reason)
{
    /// <summary>The channel the branch aims for.</summary>
    public ReleaseChannel Channel => Branch.Channel;

    /// <summary>The Helm chart version for this build (see <see cref="ChartVersion"/>).</summary>
    public ChartVersion ToChartVersion() => ChartVersion.From(Version, ShortSha);

    /// <summary>The container image tags for this build (see <see cref="ImageTags"/>).</summary>
    public ImageTags ToImageTags() => ImageTags.From(Version, ShortSha, Channel);
}
