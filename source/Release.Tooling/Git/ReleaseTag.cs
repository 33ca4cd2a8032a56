using Release.SemVer;

namespace Release.Tooling.Git;

/// <summary>A git tag that names a release version, e.g. <c>v1.4.0</c> or <c>1.5.0-rc.1</c>.</summary>
/// <param name="Name">The tag name as git has it.</param>
/// <param name="Version">The version it names.</param>
public sealed record ReleaseTag(string Name, SemanticVersion Version)
{
    /// <summary>
    /// The release version a tag names: an optional <c>v</c>/<c>V</c> and a SemVer 2.0.0 version without build
    /// metadata; <c>null</c> for any other tag (e.g. <c>deployed-prod</c>), which is ignored rather than failing a build.
    /// </summary>
    /// <param name="name">The tag name.</param>
    public static ReleaseTag? FromName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = name.StartsWith('v') || name.StartsWith('V') ? name[1..] : name;
        return SemanticVersion.TryParse(text, out var version, out _) && version!.BuildMetadata.Count == 0 ? new ReleaseTag(name, version) : null;
    }
}
