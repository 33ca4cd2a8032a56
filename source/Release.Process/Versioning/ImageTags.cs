using System.Text.RegularExpressions;
using Release.SemVer;

namespace Release.Process.Versioning;

/// <summary>
/// The container image tags for one computed version: the version (<c>1.4.0</c>), the version with the commit
/// (the same text as the chart's OCI tag, <c>1.4.0_g0156133</c> or <c>1.4.0-beta.3.g0156133</c>) and the moving
/// channel tag (<c>stable</c>, <c>beta</c>, <c>alpha</c>).
/// </summary>
/// <param name="Version">The version tag.</param>
/// <param name="VersionSha">The version-and-commit tag; immutable by convention.</param>
/// <param name="Channel">The moving channel tag.</param>
public sealed partial record ImageTags(string Version, string VersionSha, string Channel)
{
    /// <summary>All tags, most specific first.</summary>
    public IReadOnlyList<string> All => [VersionSha, Version, Channel];

    /// <summary>Computes the tags for a version, commit and channel.</summary>
    /// <param name="version">The computed version (no build metadata).</param>
    /// <param name="shortSha">The abbreviated commit id.</param>
    /// <param name="channel">The channel the build is released to.</param>
    /// <exception cref="ArgumentException">The version has build metadata or the sha is invalid.</exception>
    public static ImageTags From(SemanticVersion version, string shortSha, ReleaseChannel channel)
    {
        var chart = ChartVersion.From(version, shortSha);
        var tags = new ImageTags(version.ToString(), chart.ToOciTag(), channel.ToString().ToLowerInvariant());
        foreach (var tag in tags.All)
            if (!TagPattern().IsMatch(tag))
                throw new ArgumentException(
                    $"Image tag '{tag}' for version {version} is not a valid OCI tag (max 128 of [A-Za-z0-9_.-]): shorten the branch name.");
        return tags;
    }

    // The OCI distribution spec's tag grammar.
    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$")]
    private static partial Regex TagPattern();
}
