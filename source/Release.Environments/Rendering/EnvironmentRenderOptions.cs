namespace Release.Environments.Rendering;

/// <summary>Where the charts come from and how often Flux reconciles, for every rendered environment.</summary>
/// <param name="ChartRepository">The OCI repository holding one chart per module, e.g. <c>oci://registry.local/charts</c>; a module's chart is
/// <c>CHART_REPOSITORY/MODULE</c>.</param>
public sealed record EnvironmentRenderOptions(string ChartRepository)
{
    /// <summary>
    /// The chart versions a freshly rendered <c>ocirepository.yaml</c> follows until the first deploy pins a digest
    /// (the file then belongs to the deployer and rendering leaves it alone).
    /// </summary>
    public string InitialChartVersions { get; init; } = ">=0.0.0-0";

    /// <summary>How often Flux reconciles the environment and its releases.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The namespace of the Flux Kustomizations and the name of the GitRepository that holds this repository.</summary>
    public string FluxNamespace { get; init; } = "flux-system";

    /// <summary>The Flux GitRepository source of the environment repository.</summary>
    public string FluxSource { get; init; } = "flux-system";
}
