using Release.Helm.Cli;
using Release.Helm.Flux;
using YamlDotNet.RepresentationModel;
using static Release.Helm.Yaml.YamlText;

namespace Release.Environments.Rendering;

/// <summary>
/// Renders the environment GitOps repository from the checked configuration source, for every GitOps environment:
/// <list type="bullet">
/// <item><c>clusters/CLUSTER/ENV.yaml</c>: the environment's one Flux Kustomization (path <c>./environments/ENV</c>).</item>
/// <item><c>environments/ENV/kustomization.yaml</c>: the module folders and their configuration ConfigMaps.</item>
/// <item><c>environments/ENV/config/MODULE.yaml</c>: the module's ConfigMap (values and flags).</item>
/// <item><c>environments/ENV/MODULE/</c>: the module's HelmRelease, with <c>dependsOn</c> following the application's
/// module graph, its chart values ConfigMap (ConfigMap name, feature flags, secret references) and its OCIRepository,
/// through <see cref="FluxManifestWriter"/>.</item>
/// </list>
/// Everything is rendered in memory: a failure writes nothing.
/// </summary>
public static class EnvironmentRenderer
{
    /// <summary>Renders every GitOps environment of <paramref name="environments"/>.</summary>
    public static RenderedRepository Render(CheckedEnvironments environments, EnvironmentRenderOptions options)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        var application = environments.Application;
        var writer = new FluxManifestWriter();
        foreach (var environment in environments.Environments.Where(e => e.IsGitOps))
        {
            void Add(string path, string content)
            {
                files[path] = content;
                owner[path] = environment.Name;
            }

            var folder = RenderedRepository.FolderOf(environment.Name);
            var resources = new List<string>();
            foreach (var module in application.Graph.Order)
            {
                var configuration = environments.ConfigurationOf(environment.Name, module);
                Add($"{folder}/config/{module}.yaml", ModuleConfigMap.Render(application.Name, environment, module, configuration));
                var spec = new FluxReleaseSpec(environment.Name, module, environment.Namespace, $"{options.ChartRepository.TrimEnd('/')}/{module}")
                {
                    SemverRange = options.InitialChartVersions,
                    Interval = options.Interval,
                    DependsOn = [.. application.DependenciesOf(module)],
                    Values = ChartValues(module, configuration),
                    ValuesMode = FluxValuesMode.ConfigMap,
                    // The deployer writes the image into its own ConfigMap, so a deploy never touches a rendered file.
                    SeparateImageValues = true,
                };
                IReadOnlyDictionary<string, string> manifests;
                try { manifests = writer.Render(spec); }
                catch (ArgumentException e)
                {
                    throw new Release.Engine.BuildInputException(
                        $"{environment.Site.Describe(environments.Root)}: environment '{environment.Name}', module '{module}' cannot be rendered: " +
                            $"{e.Message}");
                }
                foreach (var (name, content) in manifests) Add($"{folder}/{module}/{name}", content);
                resources.Add($"config/{module}.yaml");
                resources.Add(module);
            }
            Add($"{folder}/kustomization.yaml", Write(new YamlMappingNode
            {
                { "apiVersion", "kustomize.config.k8s.io/v1beta1" },
                { "kind", "Kustomization" },
                { "resources", new YamlSequenceNode(resources.Order(StringComparer.Ordinal).Select(r => (YamlNode)String(r))) },
            }));
            Add(RenderedRepository.KustomizationOf(environment.Cluster, environment.Name), FluxKustomization(environment, options));
        }
        return new RenderedRepository(files, owner);
    }

    // What the module's chart reads: where its configuration is, its flags, and its secrets by reference.
    private static Dictionary<string, object?> ChartValues(string module, IReadOnlyList<ConfigurationEntry> configuration) => new()
    {
        ["configMap"] = ModuleConfigMap.NameOf(module),
        ["featureFlags"] = configuration.Where(e => e.Kind == ConfigurationKind.Flag)
            .ToDictionary(e => e.Key, e => (object?)(e.Text == "true")),
        ["secretEnv"] = configuration.Where(e => e.Kind == ConfigurationKind.Secret)
            .ToDictionary(e => e.Key, e => (object?)new Dictionary<string, object?> { ["secretName"] = e.Secret!.Name, ["key"] = e.Secret.Key }),
    };

    private static string FluxKustomization(DeclaredEnvironment environment, EnvironmentRenderOptions options) => Write(new YamlMappingNode
    {
        { "apiVersion", "kustomize.toolkit.fluxcd.io/v1" },
        { "kind", "Kustomization" },
        { "metadata", new YamlMappingNode { { "name", environment.Name }, { "namespace", options.FluxNamespace } } },
        {
            "spec", new YamlMappingNode
            {
                { "interval", GoDuration.Format(options.Interval) },
                { "path", $"./{RenderedRepository.FolderOf(environment.Name)}" },
                { "prune", Bool(true) },
                { "sourceRef", new YamlMappingNode { { "kind", "GitRepository" }, { "name", options.FluxSource } } },
                { "targetNamespace", environment.Namespace },
            }
        },
    });
}
