using Release.Engine;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;

namespace Release.Stages.Clone;

/// <summary>
/// The Clone stage: checks the module's repository out into <see cref="PipelinePaths.Workspace"/> and records the
/// commit and the version computed from its tags and conventional commits (or <c>--release-type</c>) in
/// <c>artifacts/clone/source.json</c>: the version, chart version and image tag are computed here once, and every
/// later stage and release target reads them from that record.
/// </summary>
public interface IClone : IPipeline
{
    /// <summary>The repository to clone; by default the build's own root, so <c>./build.sh</c> ships this repository.</summary>
    [Parameter("Repository to clone: URL or local path (default: the build's own root directory)"), NotEmpty]
    string SourceRepository => TryGetValue(() => SourceRepository) ?? RootDirectory;

    /// <summary>Branch, tag or commit to check out; null means the repository's default branch (HEAD).</summary>
    [Parameter("Branch, tag or commit to check out (default: the repository's HEAD)")]
    string? SourceRef => TryGetValue(() => SourceRef);

    /// <summary>Shallow clone depth; null clones the whole history, which versioning needs to find the last release tag.</summary>
    [Parameter("Clone depth (default: full history, needed to find the last release tag)"), Range(1)]
    int? CloneDepth => TryGetValue(() => CloneDepth);

    /// <summary>
    /// The branch the version is computed for when the checkout is detached (a tag or commit was cloned); CI systems
    /// pass their branch variable here.
    /// </summary>
    [Parameter("Branch name for versioning when a tag or commit is checked out (default: CI_COMMIT_REF_NAME or BUILD_SOURCEBRANCHNAME)")]
    string? VersionBranch => TryGetValue(() => VersionBranch);

    /// <summary>Which branch model maps branches to channels: <c>git-flow</c> (default) or <c>trunk-based</c>.</summary>
    [Parameter("Branch model for versioning: git-flow or trunk-based"), OneOf(["git-flow", "trunk-based", "gitflow", "trunk"], ignoreCase: true)]
    string BranchModel => TryGetValue(() => BranchModel) ?? "git-flow";

    /// <summary>An explicit release type: major (feature), minor (emergency fix), Patch, Feature, EmergencyFix or Breaking.</summary>
    [Parameter("Release type: seed words 'major' (feature, SemVer minor) or 'minor' (emergency fix, SemVer patch), or " +
        "Patch/Feature/EmergencyFix/Breaking")]
    [OneOf(["major", "minor", "Patch", "Feature", "EmergencyFix", "Breaking"], ignoreCase: true)]
    string? ReleaseType => TryGetValue(() => ReleaseType);

    /// <summary>
    /// The folders the module is built from (its own, then those of the modules it depends on), when it is a module of
    /// an application in this repository: Clone then records the last commit that changed them, and the version at it,
    /// instead of the checked-out commit, so a commit touching only other modules leaves this one's record, and so its
    /// Build and what follows, unchanged (still true to its source: the folders are the same at both commits). Null
    /// (the default) records the checked-out commit.
    /// </summary>
    IReadOnlyList<SourceFolder>? SourceFolders => null;

    /// <summary>Clones the repository and records commit, tags, author and version.</summary>
    Target Clone => _ => _
        .Description("Clones the module's repository and computes its version")
        .Produces(Paths.Glob("clone/source.json"))
        .Executes(ct => new CloneStage(this).RunAsync(ct));
}
