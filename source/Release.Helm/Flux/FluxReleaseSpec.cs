namespace Release.Helm.Flux;

/// <summary>How a Flux HelmRelease gets its values.</summary>
public enum FluxValuesMode
{
    /// <summary>Written into the HelmRelease's <c>spec.values</c>.</summary>
    Inline,

    /// <summary>Written to a ConfigMap referenced by <c>spec.valuesFrom</c>, so values can change without touching the release.</summary>
    ConfigMap,
}

/// <summary>
/// One module's GitOps deployment in one environment: which chart artifact Flux pulls from the OCI registry and how it
/// installs it. Exactly one of <see cref="Digest"/>, <see cref="Tag"/> and <see cref="SemverRange"/> selects the artifact;
/// a digest is the reproducible choice for promoted releases.
/// </summary>
/// <param name="Environment">The environment folder name, e.g. <c>production</c>.</param>
/// <param name="Module">The module (and chart) name; also names the Flux objects and the Helm release.</param>
/// <param name="Namespace">The namespace of the Flux objects.</param>
/// <param name="ChartUrl">The chart's OCI repository, <c>oci://REGISTRY/PATH/CHART</c> (no tag).</param>
public sealed record FluxReleaseSpec(string Environment, string Module, string Namespace, string ChartUrl)
{
    /// <summary>The chart artifact's manifest digest, <c>sha256:…</c>.</summary>
    public string? Digest { get; init; }

    /// <summary>The chart artifact's tag (a chart version with <c>+</c> written as <c>_</c>).</summary>
    public string? Tag { get; init; }

    /// <summary>A SemVer range of chart versions to follow, e.g. <c>&gt;=1.4.0 &lt;2.0.0</c>.</summary>
    public string? SemverRange { get; init; }

    /// <summary>How often Flux checks the source and reconciles the release.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The namespace the chart is installed into; null means <see cref="Namespace"/>.</summary>
    public string? TargetNamespace { get; init; }

    /// <summary>Install and upgrade retries before Flux gives up (upgrade failures are rolled back).</summary>
    public int Retries { get; init; } = 3;

    /// <summary>Values for the chart: strings, numbers, bools, nested dictionaries and lists. Keys are written sorted.</summary>
    public IReadOnlyDictionary<string, object?> Values { get; init; } = new Dictionary<string, object?>();

    /// <summary>Where the values go.</summary>
    public FluxValuesMode ValuesMode { get; init; } = FluxValuesMode.ConfigMap;

    /// <summary>
    /// The modules whose HelmReleases must be ready before this one is installed or upgraded (Flux's own ordering:
    /// <c>spec.dependsOn</c>, same namespace). Written sorted.
    /// </summary>
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    /// <summary>The name of the values ConfigMap.</summary>
    public string ValuesConfigMapName => $"{Module}-values";

    /// <summary>
    /// When true (with <see cref="FluxValuesMode.ConfigMap"/>), the release also reads <see cref="ImageValues"/> from a
    /// second ConfigMap (<c>image-values.yaml</c>, <see cref="ImageValuesConfigMapName"/>), listed after the values
    /// ConfigMap so it wins. The configuration source owns the values; the deployer owns the image.
    /// </summary>
    public bool SeparateImageValues { get; init; }

    /// <summary>
    /// The image values (e.g. <c>image.repository</c>, <c>image.digest</c>) when <see cref="SeparateImageValues"/>;
    /// empty until a deploy.
    /// </summary>
    public IReadOnlyDictionary<string, object?> ImageValues { get; init; } = new Dictionary<string, object?>();

    /// <summary>The name of the image values ConfigMap.</summary>
    public string ImageValuesConfigMapName => $"{Module}-image";
}
