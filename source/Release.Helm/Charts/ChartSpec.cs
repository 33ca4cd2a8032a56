namespace Release.Helm.Charts;

/// <summary>
/// Everything the generator needs to write a deployable chart for one module: what to run (an image pinned by digest),
/// how Kubernetes checks it (an HTTP health path), how it is reached (ports), and its configuration.
/// </summary>
/// <param name="ModuleName">The module; also the chart name, so lowercase letters, digits and dashes (e.g. <c>order-router</c>).</param>
/// <param name="ChartVersion">The chart version, SemVer 2 (e.g. <c>1.4.0</c> or <c>1.4.0-g0156133</c>).</param>
/// <param name="AppVersion">The application version shown by Helm; any text, written quoted.</param>
/// <param name="ImageRepository">The image repository without tag or digest (e.g. <c>registry.local/apps/order-router</c>);
/// a registry on the build machine's loopback address is left out of values.yaml (see <see cref="ImageRepositoryDefault"/>).</param>
/// <param name="ImageDigest">The image digest, <c>sha256:</c> and 64 lowercase hex digits: the chart pins the image by digest.</param>
public sealed record ChartSpec(string ModuleName, string ChartVersion, string AppVersion, string ImageRepository, string ImageDigest)
{
    /// <summary>The one-line chart description written to Chart.yaml.</summary>
    public string Description { get; init; } = "";

    /// <summary>The port the container listens on; the probes and the service target it.</summary>
    public int ContainerPort { get; init; } = 8080;

    /// <summary>The HTTP path answering 2xx when the module is healthy; liveness and readiness probes call it.</summary>
    public string HealthPath { get; init; } = "/health";

    /// <summary>The number of pods.</summary>
    public int Replicas { get; init; } = 1;

    /// <summary>
    /// CPU and memory requests and limits, owned by the build; null seeds production defaults in values.yaml
    /// (requests 100m/128Mi, limits 500m/256Mi) that are the team's to tune from then on.
    /// </summary>
    public ResourceRequirements? Resources { get; init; }

    /// <summary>Environment variables for the module, stored in a ConfigMap and mounted with <c>envFrom</c>.</summary>
    public IReadOnlyDictionary<string, string> Config { get; init; } = new Dictionary<string, string>();

    /// <summary>The port the Service exposes.</summary>
    public int ServicePort { get; init; } = 80;

    /// <summary>Extra labels for the workload and its pods (not used in selectors, which must never change).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>The chart name, which is the module name.</summary>
    public string ChartName => ModuleName;

    /// <summary>Throws an <see cref="ArgumentException"/> listing every invalid field with its fix; returns this spec otherwise.</summary>
    public ChartSpec Validate()
    {
        var problems = ChartSpecRules.Check(this);
        if (problems.Count > 0)
            throw new ArgumentException($"ChartSpec for '{ModuleName}' is invalid:\n  - {string.Join("\n  - ", problems)}");
        return this;
    }
}

/// <summary>Kubernetes resource quantities for the module's container; null entries are left out.</summary>
/// <param name="CpuRequest">CPU request, e.g. <c>100m</c>.</param>
/// <param name="MemoryRequest">Memory request, e.g. <c>128Mi</c>.</param>
/// <param name="CpuLimit">CPU limit, e.g. <c>1</c>.</param>
/// <param name="MemoryLimit">Memory limit, e.g. <c>256Mi</c>.</param>
public sealed record ResourceRequirements(string? CpuRequest, string? MemoryRequest, string? CpuLimit, string? MemoryLimit);
