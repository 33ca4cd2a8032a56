using Release.Engine;

namespace Release.Pipeline;

/// <summary>
/// Where each stage writes what it produces for one module. These paths are the contract between stages (and between
/// CI jobs): a stage reads an upstream stage's record file, never its memory. The application is the unit the pipeline
/// ships, so every module's files live under <c>artifacts/modules/MODULE/STAGE/</c> (<c>artifacts/modules/ledger/push/push.json</c>);
/// a build of one module is an application of one module and uses the same layout (docs/applications.md).
/// </summary>
/// <param name="Root">The build's root directory.</param>
/// <param name="Module">The module's name.</param>
public sealed record PipelinePaths(AbsolutePath Root, string Module)
{
    /// <summary><c>artifacts/</c>: everything the pipeline produces (the modules' files under <c>modules/</c>).</summary>
    public AbsolutePath Artifacts => Root / "artifacts";

    /// <summary><c>artifacts/modules/MODULE/</c>: everything the stages produce for this module.</summary>
    public AbsolutePath ModuleArtifacts => Artifacts / "modules" / Module;

    /// <summary>
    /// The glob, relative to the root, of a file or folder under this module's artifacts (<c>push/push.json</c> gives
    /// <c>artifacts/modules/MODULE/push/push.json</c>): what targets declare they produce and consume.
    /// </summary>
    /// <param name="relative">The path under the module's artifacts, with forward slashes; may hold globs.</param>
    public string Glob(string relative) => $"artifacts/modules/{Module}/{relative}";

    /// <summary>Where Clone checks the source out (not an artifact: CI jobs clone again).</summary>
    public AbsolutePath Workspace => Root / ".nuke" / "temp" / "workspace" / Module;

    /// <summary>Private state of embedded services (registry storage, base image layouts).</summary>
    public AbsolutePath ServicesDirectory => Root / ".nuke" / "temp" / "services";

    /// <summary>Caches keyed by content (layer digests) that stay valid across runs and commits.</summary>
    public AbsolutePath CacheDirectory => Root / ".nuke" / "temp" / "cache";

    /// <summary>Clone's record: commit, branch, tags, author, version.</summary>
    public AbsolutePath SourceRecord => ModuleArtifacts / "clone" / "source.json";

    /// <summary>Build's folder and record: image reference, digest, labels.</summary>
    public AbsolutePath BuildDirectory => ModuleArtifacts / "build";

    /// <summary>Build's record.</summary>
    public AbsolutePath ImageRecord => BuildDirectory / "image.json";

    /// <summary>Build's OCI image layout copy of the pushed image (read by Scan and by jobs without registry access).</summary>
    public AbsolutePath ImageLayout => BuildDirectory / "image-layout";

    /// <summary>Build's copy of the application's <c>obj/project.assets.json</c> (the NuGet graph Scan's SBOM is made from).</summary>
    public AbsolutePath ProjectAssets => BuildDirectory / "project.assets.json";

    /// <summary>UnitTest's folder: TRX, JUnit, Cobertura, summary.</summary>
    public AbsolutePath UnitTestDirectory => ModuleArtifacts / "unit-tests";

    /// <summary>UnitTest's metrics.</summary>
    public AbsolutePath UnitTestSummary => UnitTestDirectory / "summary.json";

    /// <summary>Scan's folder: SBOMs, SARIF, GitLab report, summary.</summary>
    public AbsolutePath ScanDirectory => ModuleArtifacts / "scan";

    /// <summary>Scan's metrics.</summary>
    public AbsolutePath ScanSummary => ScanDirectory / "summary.json";

    /// <summary>Push's record: repository, tag, digest.</summary>
    public AbsolutePath PushRecord => ModuleArtifacts / "push" / "push.json";

    /// <summary>Chart's folder: chart sources, package, index.yaml, record.</summary>
    public AbsolutePath ChartDirectory => ModuleArtifacts / "chart";

    /// <summary>Chart's record.</summary>
    public AbsolutePath ChartRecord => ChartDirectory / "chart.json";

    /// <summary>Deploy's record for one environment.</summary>
    public AbsolutePath DeploymentRecord(string environment) => ModuleArtifacts / "deploy" / $"{environment}.json";

    /// <summary>Integrate's folder: JUnit, HTML report, summary.</summary>
    public AbsolutePath IntegrationDirectory => ModuleArtifacts / "integration";

    /// <summary>Integrate's metrics.</summary>
    public AbsolutePath IntegrationSummary => IntegrationDirectory / "summary.json";
}
