using Release.Engine;
using Release.Releasing.Common;
using Release.Stages.Clone;

namespace Release.Releasing.Versioning;

/// <summary>
/// Versioning: the version from git tags and conventional commits (branch model from <c>--branch-model</c>,
/// git-flow by default), optionally forced by <c>--release-type</c> (seed words: "major" = feature, "minor" =
/// emergency fix). Reuses the version Clone computed and, when a release type changes it, rewrites Clone's
/// <c>source.json</c> so every later stage (image tags, chart version) uses it. <c>Tag</c> creates and pushes the
/// annotated release tag.
/// </summary>
public interface IVersioning : IClone, IReleaseProcess
{
    /// <summary>An explicit release type: major (feature), minor (emergency fix), Patch, Feature, EmergencyFix or Breaking.</summary>
    [Parameter("Release type: seed words 'major' (feature, SemVer minor) or 'minor' (emergency fix, SemVer patch), or Patch/Feature/EmergencyFix/Breaking")]
    [OneOf("major", "minor", "Patch", "Feature", "EmergencyFix", "Breaking", IgnoreCase = true)]
    string? ReleaseType => TryGetValue(() => ReleaseType);

    /// <summary>Computes the version and writes <c>artifacts/release/version.json</c>.</summary>
    Target Version => _ => _
        .Description("Computes the release version from tags and conventional commits (optionally --release-type) for every later stage")
        .DependsOn<IClone>(x => x.Clone)
        .Produces("artifacts/release/version.json", "artifacts/clone/source.json")
        .Executes(ct => new VersionStep(this).RunAsync(ct));

    /// <summary>Creates the annotated tag <c>vVERSION</c> in the cloned repository and pushes it.</summary>
    Target Tag => _ => _
        .Description("Creates the annotated release tag vVERSION on the built commit and pushes it to the source repository")
        // It tags in Clone's workspace: without the dependency, ./build.sh Clone Tag ran both at once.
        .DependsOn(Clone)
        .After(Version)
        // A release tag marks what was released: in one run (the production job) it comes after the promotion.
        .TryAfter<Promotion.IPromote>(x => x.Promote)
        .Executes(ct => new TagStep(this).RunAsync(ct));
}
