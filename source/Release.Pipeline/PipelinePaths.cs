using Release.Engine;

namespace Release.Pipeline;

/// <summary>
/// Where each stage writes what it produces. These paths are the contract between stages (and between CI jobs):
/// a stage reads an upstream stage's record file, never its memory.
/// </summary>
/// <param name="Root">The build's root directory.</param>
/// <param name="Module">The module's name.</param>
public sealed record PipelinePaths(AbsolutePath Root, string Module)
{
    /// <summary><c>artifacts/</c>: everything the pipeline produces.</summary>
    public AbsolutePath Artifacts => Root / "artifacts";

    /// <summary>Where Clone checks the source out (not an artifact: CI jobs clone again).</summary>
    public AbsolutePath Workspace => Root / ".nuke" / "temp" / "workspace" / Module;

    /// <summary>Private state of embedded services (registry storage, base image layouts).</summary>
    public AbsolutePath ServicesDirectory => Root / ".nuke" / "temp" / "services";

    /// <summary>Caches keyed by content (layer digests) that stay valid across runs and commits.</summary>
    public AbsolutePath CacheDirectory => Root / ".nuke" / "temp" / "cache";

    /// <summary>Clone's record: commit, branch, tags, author, version.</summary>
    public AbsolutePath SourceRecord => Artifacts / "clone" / "source.json";

    /// <summary>Build's folder and record: image reference, digest, labels.</summary>
    public AbsolutePath BuildDirectory => Artifacts / "build";

    /// <summary>Build's record.</summary>
    public AbsolutePath ImageRecord => BuildDirectory / "image.json";

    /// <summary>Build's OCI image layout copy of the pushed image (read by Scan and by jobs without registry access).</summary>
    public AbsolutePath ImageLayout => BuildDirectory / "image-layout";

    /// <summary>Build's copy of the application's <c>obj/project.assets.json</c> (the NuGet graph Scan's SBOM is made from).</summary>
    public AbsolutePath ProjectAssets => BuildDirectory / "project.assets.json";

    /// <summary>UnitTest's folder: TRX, JUnit, Cobertura, summary.</summary>
    public AbsolutePath UnitTestDirectory => Artifacts / "unit-tests";

    /// <summary>UnitTest's metrics.</summary>
    public AbsolutePath UnitTestSummary => UnitTestDirectory / "summary.json";

    /// <summary>Scan's folder: SBOMs, SARIF, GitLab report, summary.</summary>
    public AbsolutePath ScanDirectory => Artifacts / "scan";

    /// <summary>Scan's metrics.</summary>
    public AbsolutePath ScanSummary => ScanDirectory / "summary.json";

    /// <summary>Push's record: repository, tag, digest.</summary>
    public AbsolutePath PushRecord => Artifacts / "push" / "push.json";

    /// <summary>Chart's folder: chart sources, package, index.yaml, record.</summary>
    public AbsolutePath ChartDirectory => Artifacts / "chart";

    /// <summary>Chart's record.</summary>
    public AbsolutePath ChartRecord => ChartDirectory / "chart.json";

    /// <summary>Deploy's record for one environment.</summary>
    public AbsolutePath DeploymentRecord(string environment) => Artifacts / "deploy" / $"{environment}.json";

    /// <summary>Integrate's folder: JUnit, HTML report, summary.</summary>
    public AbsolutePath IntegrationDirectory => Artifacts / "integration";

    /// <summary>Integrate's metrics.</summary>
    public AbsolutePath IntegrationSummary => IntegrationDirectory / "summary.json";
}
