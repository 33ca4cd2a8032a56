using k8s;
using k8s.Models;

namespace Release.Environments.Rendering;

/// <summary>
/// A module's configuration in one environment as a typed Kubernetes ConfigMap (plain values and flags; secrets are
/// references in the chart values, never data here). KubernetesClient is loaded only by the targets that render.
/// </summary>
internal static class ModuleConfigMap
{
    public static string NameOf(string module) => $"{module}-config";

    public static string Render(string application, DeclaredEnvironment environment, string module, IReadOnlyList<ConfigurationEntry> configuration)
    {
        var data = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in configuration.Where(e => e.Kind != ConfigurationKind.Secret)) data[entry.Key] = entry.Text!;
        var configMap = new V1ConfigMap
        {
            ApiVersion = "v1",
            Kind = "ConfigMap",
            Metadata = new V1ObjectMeta
            {
                Name = NameOf(module),
                NamespaceProperty = environment.Namespace,
                Labels = new SortedDictionary<string, string>(StringComparer.Ordinal)
                {
                    ["app.kubernetes.io/name"] = module,
                    ["app.kubernetes.io/part-of"] = application,
                    ["release.environment"] = environment.Name,
                },
            },
            Data = data,
        };
        var yaml = KubernetesYaml.Serialize(configMap);
        return yaml.EndsWith('\n') ? yaml : yaml + "\n";
    }

    /// <summary>The data of a rendered (or committed) ConfigMap; null when the text is not one.</summary>
    public static IReadOnlyDictionary<string, string>? DataOf(string yaml)
    {
        try
        {
            var configMap = KubernetesYaml.Deserialize<V1ConfigMap>(yaml);
            return configMap?.Data is null
                ? new Dictionary<string, string>()
                : new Dictionary<string, string>(configMap.Data, StringComparer.Ordinal);
        }
        catch (Exception e) when (e is YamlDotNet.Core.YamlException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }
}
