namespace Release.Stages.Pipeline;

/// <summary>What Clone checked out. Versions are computed from the repository's tags and commits.</summary>
public sealed record SourceRecord(
    string Repository, string Workspace, string Commit, string ShortCommit, string? Branch, IReadOnlyList<string> Tags,
    string AuthorName, string AuthorEmail, DateTimeOffset CommitDate, string Version, string ChartVersion);

/// <summary>What Build produced: the image by reference and digest.</summary>
public sealed record ImageRecord(
    string Registry, string Repository, string Tag, string Digest, string BaseImage, IReadOnlyDictionary<string, string> Labels,
    string PublishDirectory);

/// <summary>UnitTest's metrics, kept for quality gates.</summary>
public sealed record UnitTestSummary(int Passed, int Failed, int Skipped, double LineCoverage, double BranchCoverage);

/// <summary>Push's record.</summary>
public sealed record PushRecord(string Registry, string Repository, string Tag, string Digest);

/// <summary>Chart's record.</summary>
public sealed record ChartRecord(string Name, string Version, string AppVersion, string Package, string Digest, string? OciReference);

/// <summary>Deploy's record for one environment.</summary>
public sealed record DeploymentRecord(string Environment, string Deployer, string Url, string Version, string ImageDigest, string DeployedBy, DateTimeOffset DeployedAt);

/// <summary>Integrate's metrics, and what they were measured on: which environment, which image, when.</summary>
/// <param name="Passed">Tests passed.</param>
/// <param name="Failed">Tests failed.</param>
/// <param name="Skipped">Tests skipped.</param>
/// <param name="Url">The URL tested.</param>
/// <param name="Environment">The environment whose deployment was tested (null in summaries written before it was recorded).</param>
/// <param name="ImageDigest">The digest that deployment ran.</param>
/// <param name="FinishedAt">When the tests finished.</param>
public sealed record IntegrationSummary(int Passed, int Failed, int Skipped, string Url,
    string? Environment = null, string? ImageDigest = null, DateTimeOffset? FinishedAt = null);
