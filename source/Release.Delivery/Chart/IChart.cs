using Release.Delivery.Push;
using Release.Engine;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;

namespace Release.Delivery.Chart;

/// <summary>
/// The Chart stage: generates and maintains the module's Helm chart under <c>artifacts/chart/&lt;module&gt;</c> with the
/// image pinned by Push's digest, versions it in SemVer 2 carrying the commit, lints it natively, packages it
/// reproducibly, pushes it to the registry as an OCI artifact with Helm's media types, keeps a classic chart repository
/// (<c>artifacts/chart/repo/index.yaml</c>) and records <c>artifacts/chart/chart.json</c>.
/// </summary>
public interface IChart : IPush
{
    /// <summary>Overrides the chart version computed by Clone; must be SemVer 2.</summary>
    [Parameter("Chart version (default: Clone's chart version, VERSION+gSHA); must be SemVer 2")]
    string? ChartVersion => TryGetValue(() => ChartVersion);

    /// <summary>Where charts are pushed, <c>oci://REGISTRY/PATH</c>; the chart lands at <c>PATH/&lt;module&gt;</c>.</summary>
    [Parameter("OCI location for charts, oci://REGISTRY/PATH (default: oci://<push registry>/charts)")]
    [Pattern("^oci://[^/\\s]+(/[^\\s]*)?$", "an OCI location oci://REGISTRY/PATH, like oci://registry.example.internal/charts")]
    string? ChartRegistry => TryGetValue(() => ChartRegistry);

    /// <summary>The URL the classic chart repository is served from; index.yaml entries point there.</summary>
    [Parameter("Base URL of the classic chart repository (default: package URLs relative to index.yaml)")]
    string? ChartRepositoryUrl => TryGetValue(() => ChartRepositoryUrl);

    /// <summary>The port the module's container listens on.</summary>
    [Parameter("Port the module listens on in its container (default 8080)"), Range(1, 65535)]
    int? ContainerPort => TryGetValue(() => ContainerPort);

    /// <summary>The HTTP path answering 2xx when the module is healthy; probes and local deploys call it.</summary>
    [Parameter("Health endpoint of the module (default /health)"), Pattern(ParameterForms.HttpPath, ParameterForms.HttpPathText)]
    string HealthPath => TryGetValue(() => HealthPath) ?? "/health";

    /// <summary>Environment variables for the module, written to the chart's ConfigMap. Override in the build.</summary>
    IReadOnlyDictionary<string, string> ChartConfig => new Dictionary<string, string>();

    /// <summary>Generates, lints, packages and publishes the chart.</summary>
    Target Chart => _ => _
        .Description("Generates, lints, packages and pushes the module's Helm chart and updates the chart repository")
        .DependsOn<IPush>(x => x.Push)
        .Produces(Paths.Glob("chart/**"))
        .Executes(ct => new ChartStage(this).RunAsync(ct));
}
