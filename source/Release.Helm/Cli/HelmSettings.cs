namespace Release.Helm.Cli;

/// <summary>Settings for <c>helm upgrade --install</c>; the defaults are the safe ones for automated releases.</summary>
/// <param name="ReleaseName">The Helm release name.</param>
/// <param name="Chart">The chart: a folder, a .tgz, or <c>oci://REGISTRY/REPOSITORY</c>.</param>
/// <param name="Namespace">The target namespace.</param>
public sealed record HelmUpgradeSettings(string ReleaseName, string Chart, string Namespace)
{
    /// <summary>Creates the namespace if missing.</summary>
    public bool CreateNamespace { get; init; } = true;

    /// <summary>Rolls back automatically if the upgrade fails (implies waiting).</summary>
    public bool Atomic { get; init; } = true;

    /// <summary>Waits until the workloads are ready.</summary>
    public bool Wait { get; init; } = true;

    /// <summary>How long helm waits for readiness.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The chart version (needed for OCI and repository charts), or null.</summary>
    public string? Version { get; init; }

    /// <summary>Values files, applied in order (later wins).</summary>
    public IReadOnlyList<string> ValuesFiles { get; init; } = [];

    /// <summary>Individual values, applied after the files, in order.</summary>
    public IReadOnlyList<HelmSetValue> SetValues { get; init; } = [];

    /// <summary>Talks plain HTTP to the OCI registry (a local test registry only).</summary>
    public bool PlainHttp { get; init; }

    /// <summary>The kubeconfig context, or null for the current one.</summary>
    public string? KubeContext { get; init; }
}

/// <summary>Settings for <c>helm rollback</c>.</summary>
/// <param name="ReleaseName">The Helm release name.</param>
/// <param name="Namespace">The release's namespace.</param>
public sealed record HelmRollbackSettings(string ReleaseName, string Namespace)
{
    /// <summary>The revision to return to; null means the previous one.</summary>
    public int? Revision { get; init; }

    /// <summary>Waits until the workloads are ready.</summary>
    public bool Wait { get; init; } = true;

    /// <summary>How long helm waits.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The kubeconfig context, or null for the current one.</summary>
    public string? KubeContext { get; init; }
}

/// <summary>Settings for <c>helm push</c>.</summary>
/// <param name="PackagePath">The packaged chart, <c>NAME-VERSION.tgz</c>.</param>
/// <param name="Remote">The target, <c>oci://REGISTRY[/PATH]</c>; helm appends the chart name and version tag.</param>
public sealed record HelmPushSettings(string PackagePath, string Remote)
{
    /// <summary>Talks plain HTTP to the registry (a local test registry only).</summary>
    public bool PlainHttp { get; init; }
}
