using YamlDotNet.RepresentationModel;
using static Release.Helm.Charts.ValueOwnership;
using static Release.Helm.Yaml.YamlText;

namespace Release.Helm.Charts;

/// <summary>
/// The keys the generator writes to values.yaml and Chart.yaml, and who owns each. This list IS the maintenance rule:
/// a path listed as <see cref="ValueOwnership.Generator"/> follows the build definition on every run; a path listed as
/// <see cref="ValueOwnership.SeededForTeam"/> is the team's after the first run; anything not listed is the team's.
/// </summary>
public static class ChartValues
{
    /// <summary>The values.yaml keys for <paramref name="spec"/>, in the order a fresh file lists them.</summary>
    public static IReadOnlyList<GeneratedValue> ValuesFor(ChartSpec spec) =>
    [
        new("replicaCount", Number(spec.Replicas), Generator),
        new("image.repository", String(ImageRepositoryDefault.For(spec.ImageRepository)), Generator),
        new("image.digest", String(spec.ImageDigest), Generator),
        new("image.pullPolicy", String("IfNotPresent"), SeededForTeam),
        new("imagePullSecrets", new YamlSequenceNode(), SeededForTeam),
        new("serviceAccount", ChartHardening.ServiceAccount(), SeededForTeam),
        new("podAnnotations", new YamlMappingNode(), SeededForTeam),
        new("podSecurityContext", ChartHardening.PodSecurityContext(), SeededForTeam),
        new("securityContext", ChartHardening.ContainerSecurityContext(), SeededForTeam),
        new("tmpVolume", ChartHardening.TmpVolume(), SeededForTeam),
        new("containerPort", Number(spec.ContainerPort), Generator),
        new("probes.path", String(spec.HealthPath), Generator),
        // Startup gives a slow first start up to 60 s; after it, liveness restarts a hung pod and readiness takes a
        // busy one out of the Service, each on its own rhythm.
        new("probes.startup", Probe(periodSeconds: 2, failureThreshold: 30), SeededForTeam),
        new("probes.liveness", Probe(periodSeconds: 10, failureThreshold: 3), SeededForTeam),
        new("probes.readiness", Probe(periodSeconds: 5, failureThreshold: 3), SeededForTeam),
        new("service.type", String("ClusterIP"), SeededForTeam),
        new("service.port", Number(spec.ServicePort), Generator),
        new("ingress", Ingress(spec.ChartName), SeededForTeam),
        spec.Resources is null
            ? new("resources", ChartHardening.Resources(), SeededForTeam)
            : new("resources", Resources(spec.Resources), Generator),
        new("autoscaling", Autoscaling(), SeededForTeam),
        new("nodeSelector", new YamlMappingNode(), SeededForTeam),
        new("tolerations", new YamlSequenceNode(), SeededForTeam),
        new("affinity", new YamlMappingNode(), SeededForTeam),
        new("testConnection.image", String("busybox:1.36"), SeededForTeam),
        new("config", SortedMapping(spec.Config), Generator),
        new("podLabels", SortedMapping(spec.Labels), Generator),
    ];

    /// <summary>The Chart.yaml keys for <paramref name="spec"/>; other keys (maintainers, keywords, dependencies…) stay the team's.</summary>
    public static IReadOnlyList<GeneratedValue> ChartYamlFor(ChartSpec spec) =>
    [
        new("apiVersion", String("v2"), Generator),
        new("name", String(spec.ChartName), Generator),
        new("description", String(spec.Description.Length > 0 ? spec.Description : $"Deploys {spec.ModuleName}"), Generator),
        new("type", String("application"), Generator),
        new("version", String(spec.ChartVersion), Generator),
        // Always quoted: an unquoted 1.10 would be read by Helm as the number 1.1.
        new("appVersion", new YamlScalarNode(spec.AppVersion) { Style = YamlDotNet.Core.ScalarStyle.DoubleQuoted }, Generator),
    ];

    private static YamlMappingNode Probe(int periodSeconds, int failureThreshold) => new()
    {
        { "periodSeconds", Number(periodSeconds) },
        { "failureThreshold", Number(failureThreshold) },
        { "timeoutSeconds", Number(2) },
    };

    private static YamlMappingNode Ingress(string chartName) => new()
    {
        { "enabled", Bool(false) },
        { "className", String("") },
        { "annotations", new YamlMappingNode() },
        {
            "hosts", new YamlSequenceNode(new YamlMappingNode
            {
                { "host", String($"{chartName}.example.internal") },
                { "paths", new YamlSequenceNode(new YamlMappingNode { { "path", String("/") }, { "pathType", String("Prefix") } }) },
            })
        },
        { "tls", new YamlSequenceNode() },
    };

    private static YamlMappingNode Autoscaling() => new()
    {
        { "enabled", Bool(false) },
        { "minReplicas", Number(1) },
        { "maxReplicas", Number(3) },
        { "targetCPUUtilizationPercentage", Number(80) },
    };

    private static YamlMappingNode Resources(ResourceRequirements resources)
    {
        var result = new YamlMappingNode();
        var requests = Quantities(("cpu", resources.CpuRequest), ("memory", resources.MemoryRequest));
        var limits = Quantities(("cpu", resources.CpuLimit), ("memory", resources.MemoryLimit));
        if (limits.Children.Count > 0) result.Add("limits", limits);
        if (requests.Children.Count > 0) result.Add("requests", requests);
        return result;
    }

    private static YamlMappingNode Quantities(params (string Name, string? Value)[] quantities)
    {
        var mapping = new YamlMappingNode();
        foreach (var (name, value) in quantities)
            if (value is not null) mapping.Add(name, String(value));
        return mapping;
    }

    private static YamlMappingNode SortedMapping(IReadOnlyDictionary<string, string> entries)
    {
        var mapping = new YamlMappingNode();
        foreach (var (key, value) in entries.OrderBy(e => e.Key, StringComparer.Ordinal)) mapping.Add(key, String(value));
        return mapping;
    }
}
