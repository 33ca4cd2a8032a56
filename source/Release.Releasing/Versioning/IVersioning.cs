using Release.Engine;
using Release.Releasing.Common;
using Release.Stages.Clone;

namespace Release.Releasing.Versioning;

/// <summary>
/// Versioning: Clone computes the version once, from git tags and conventional commits (branch model from
/// <c>--branch-model</c>, git-flow by default), optionally forced by <c>--release-type</c> (Clone's parameter; seed
/// words: "major" = feature, "minor" = emergency fix). <c>Version</c> reports it and writes its own record for the
/// evidence (it never rewrites Clone's); <c>Tag</c> creates and pushes the annotated release tag.
/// </summary>
public interface IVersioning : IClone, IReleaseProcess
{
    /// <summary>Reports the version Clone computed and writes <c>artifacts/release/version.json</c>.</summary>
    Target Version => _ => _
        .Description("Reports the release version Clone computed from tags and conventional commits (optionally --release-type) and records it")
        .DependsOn<IClone>(x => x.Clone)
        .Produces("artifacts/release/version.json")
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
