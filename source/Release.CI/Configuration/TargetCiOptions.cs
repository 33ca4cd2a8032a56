namespace Release.CI;

/// <summary>CI options of one target: how many jobs share its work and which reports it writes.</summary>
public sealed class TargetCiOptions
{
    /// <summary>Number of partition jobs (1: not partitioned). Each runs the target with <c>--partition N/count</c>.</summary>
    public int Partitions { get; set; } = 1;

    /// <summary>Reports the target writes; wired natively by each CI system.</summary>
    public CiReports Reports { get; set; } = CiReports.None;

    /// <summary>
    /// For a target that depends on a deployment: the environments it gets a job for (e.g. a load test only after the
    /// pre-prod deployment); null for every environment whose deployment it depends on.
    /// </summary>
    public IReadOnlyCollection<string>? Environments { get; set; }
}

/// <summary>Report files (paths or globs relative to the root) a target writes.</summary>
/// <param name="JUnit">JUnit XML test results.</param>
/// <param name="CoberturaCoverage">Cobertura XML coverage.</param>
/// <param name="ContainerScanning">GitLab container-scanning JSON.</param>
/// <param name="CycloneDx">CycloneDX SBOM JSON.</param>
/// <param name="DotEnv">A dotenv file whose variables later jobs see (GitLab).</param>
public sealed record CiReports(string? JUnit, string? CoberturaCoverage, string? ContainerScanning, string? CycloneDx, string? DotEnv)
{
    /// <summary>No reports.</summary>
    public static CiReports None { get; } = new(null, null, null, null, null);

    /// <summary>Visual Studio TRX test results: Azure publishes them (<c>PublishTestResults@2</c>, format VSTest); GitLab reads only JUnit.</summary>
    public string? Trx { get; init; }

    /// <summary>
    /// A regular expression (GitLab <c>coverage:</c>, without slashes) whose first group is the job's coverage percentage
    /// in its log, e.g. <c>Line coverage: (\d+(?:\.\d+)?)%</c>.
    /// </summary>
    public string? CoverageLine { get; init; }

    /// <summary>Whether any report is declared.</summary>
    public bool Any => this != None;

    /// <summary>Every declared report path, with its name for error messages.</summary>
    internal IEnumerable<(string Kind, string Path)> All()
    {
        if (JUnit is not null) yield return ("junit", JUnit);
        if (CoberturaCoverage is not null) yield return ("coberturaCoverage", CoberturaCoverage);
        if (ContainerScanning is not null) yield return ("containerScanning", ContainerScanning);
        if (CycloneDx is not null) yield return ("cyclonedx", CycloneDx);
        if (DotEnv is not null) yield return ("dotenv", DotEnv);
        if (Trx is not null) yield return ("trx", Trx);
    }
}
