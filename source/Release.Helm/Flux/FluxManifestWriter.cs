using Release.Helm.Cli;
using Release.Foundation.IO;
using Release.Helm.Oci;
using Release.Helm.Yaml;
using YamlDotNet.RepresentationModel;
using static Release.Helm.Yaml.YamlText;

namespace Release.Helm.Flux;

/// <summary>
/// Writes a module's Flux manifests to <c>environments/&lt;env&gt;/&lt;module&gt;/</c>: an OCIRepository
/// (source.toolkit.fluxcd.io/v1) selecting the Helm chart layer, a HelmRelease (helm.toolkit.fluxcd.io/v2) whose
/// chartRef points at it, the values ConfigMap when values are not inline, and a kustomization.yaml listing them.
/// The folder belongs to the writer: its known files are rewritten (or removed when no longer produced), other files
/// are left alone. Output is deterministic: same spec, same bytes.
/// </summary>
public sealed class FluxManifestWriter
{
    /// <summary>The file names the writer may produce.</summary>
    public static readonly IReadOnlyList<string> FileNames =
        ["helmrelease.yaml", "image-values.yaml", "kustomization.yaml", "ocirepository.yaml", "values-configmap.yaml"];

    /// <summary>
    /// The files a deployer owns in a folder whose release reads separate image values: the chart pin and the image
    /// values. Everything else there belongs to whoever renders the configuration.
    /// </summary>
    public static readonly IReadOnlyList<string> DeploymentFileNames = ["image-values.yaml", "ocirepository.yaml"];

    /// <summary>The file holding the image values ConfigMap (see <see cref="FluxReleaseSpec.SeparateImageValues"/>).</summary>
    public const string ImageValuesFileName = "image-values.yaml";

    /// <summary>The folder, relative to the repository root, for <paramref name="spec"/>.</summary>
    public static string FolderFor(FluxReleaseSpec spec) => Path.Combine("environments", spec.Environment, spec.Module);

    /// <summary>Renders the files (name to content) without writing anything.</summary>
    /// <exception cref="ArgumentException">The spec is invalid (each field named with its fix).</exception>
    public IReadOnlyDictionary<string, string> Render(FluxReleaseSpec spec)
    {
        FluxReleaseSpecRules.Validate(spec);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["ocirepository.yaml"] = Write(OciRepository(spec)),
            ["helmrelease.yaml"] = Write(HelmRelease(spec)),
        };
        if (spec.ValuesMode == FluxValuesMode.ConfigMap)
            files["values-configmap.yaml"] = Write(ValuesConfigMap(spec, spec.ValuesConfigMapName, spec.Values));
        if (spec is { ValuesMode: FluxValuesMode.ConfigMap, SeparateImageValues: true })
            files[ImageValuesFileName] = Write(ValuesConfigMap(spec, spec.ImageValuesConfigMapName, spec.ImageValues));
        files["kustomization.yaml"] = Write(new YamlMappingNode
        {
            { "apiVersion", "kustomize.config.k8s.io/v1beta1" },
            { "kind", "Kustomization" },
            { "resources", new YamlSequenceNode(files.Keys.Select(name => (YamlNode)String(name))) },
        });
        return files;
    }

    /// <summary>Writes the files under <paramref name="repositoryRoot"/>; returns their full paths.</summary>
    public async Task<IReadOnlyList<string>> WriteAsync(string repositoryRoot, FluxReleaseSpec spec, CancellationToken cancellationToken = default)
    {
        var files = Render(spec);
        var folder = Path.Combine(repositoryRoot, FolderFor(spec));
        var written = new List<string>();
        foreach (var (name, content) in files)
        {
            var path = Path.Combine(folder, name);
            await AtomicFile.WriteTextAsync(path, content, cancellationToken).ConfigureAwait(false);
            written.Add(path);
        }

        foreach (var stale in FileNames.Except(files.Keys).Select(name => Path.Combine(folder, name)).Where(File.Exists))
            File.Delete(stale);
        return written;
    }

    /// <summary>
    /// Writes only the deployer's files (<see cref="DeploymentFileNames"/>) for <paramref name="spec"/>, which must have
    /// <see cref="FluxReleaseSpec.SeparateImageValues"/>; the rest of the folder is left as it is. Returns the full paths.
    /// </summary>
    /// <exception cref="ArgumentException">The spec is invalid or does not read separate image values.</exception>
    public async Task<IReadOnlyList<string>> WriteDeploymentAsync(
        string repositoryRoot, FluxReleaseSpec spec, CancellationToken cancellationToken = default)
    {
        if (!spec.SeparateImageValues)
            throw new ArgumentException(
                "only a release that reads separate image values (SeparateImageValues) can be deployed file by file", nameof(spec));
        var files = Render(spec);
        var folder = Path.Combine(repositoryRoot, FolderFor(spec));
        var written = new List<string>();
        foreach (var name in DeploymentFileNames)
        {
            var path = Path.Combine(folder, name);
            await AtomicFile.WriteTextAsync(path, files[name], cancellationToken).ConfigureAwait(false);
            written.Add(path);
        }
        return written;
    }

    private static YamlMappingNode Metadata(FluxReleaseSpec spec, string name) => new() { { "name", name }, { "namespace", spec.Namespace } };

    private static YamlMappingNode OciRepository(FluxReleaseSpec spec)
    {
        var reference = new YamlMappingNode();
        if (spec.Digest is not null) reference.Add("digest", spec.Digest);
        if (spec.Tag is not null) reference.Add("tag", String(spec.Tag));
        if (spec.SemverRange is not null) reference.Add("semver", String(spec.SemverRange));
        return new YamlMappingNode
        {
            { "apiVersion", "source.toolkit.fluxcd.io/v1" },
            { "kind", "OCIRepository" },
            { "metadata", Metadata(spec, spec.Module) },
            {
                "spec", new YamlMappingNode
                {
                    { "interval", GoDuration.Format(spec.Interval) },
                    { "url", spec.ChartUrl },
                    { "ref", reference },
                    // Take the chart archive layer as-is: helm-controller expects the .tgz, not an extracted tree.
                    { "layerSelector", new YamlMappingNode { { "mediaType", HelmOciMediaTypes.ChartContent }, { "operation", "copy" } } },
                }
            },
        };
    }

    private static YamlMappingNode HelmRelease(FluxReleaseSpec spec)
    {
        var body = new YamlMappingNode
        {
            { "interval", GoDuration.Format(spec.Interval) },
            { "releaseName", spec.Module },
            { "targetNamespace", spec.TargetNamespace ?? spec.Namespace },
            { "chartRef", new YamlMappingNode { { "kind", "OCIRepository" }, { "name", spec.Module }, { "namespace", spec.Namespace } } },
            { "install", new YamlMappingNode { { "remediation", new YamlMappingNode { { "retries", Number(spec.Retries) } } } } },
            {
                "upgrade", new YamlMappingNode
                {
                    { "cleanupOnFail", Bool(true) },
                    {
                        "remediation",
                        new YamlMappingNode
                        {
                            { "retries", Number(spec.Retries) }, { "remediateLastFailure", Bool(true) }, { "strategy", "rollback" },
                        }
                    },
                }
            },
        };
        if (spec.DependsOn.Count > 0)
            body.Add("dependsOn", new YamlSequenceNode(spec.DependsOn.Order(StringComparer.Ordinal).Distinct()
                .Select(module => (YamlNode)new YamlMappingNode { { "name", module } })));
        if (spec.ValuesMode == FluxValuesMode.Inline)
            body.Add("values", YamlValues.ToMapping(spec.Values));
        else
        {
            var sources = new YamlSequenceNode(new YamlMappingNode
            {
                { "kind", "ConfigMap" }, { "name", spec.ValuesConfigMapName }, { "valuesKey", "values.yaml" },
            });
            // Listed last so the deployed image wins over anything the configuration says.
            if (spec.SeparateImageValues)
                sources.Add(new YamlMappingNode
                {
                    { "kind", "ConfigMap" }, { "name", spec.ImageValuesConfigMapName }, { "valuesKey", "values.yaml" },
                });
            body.Add("valuesFrom", sources);
        }
        return new YamlMappingNode
        {
            { "apiVersion", "helm.toolkit.fluxcd.io/v2" },
            { "kind", "HelmRelease" },
            { "metadata", Metadata(spec, spec.Module) },
            { "spec", body },
        };
    }

    private static YamlMappingNode ValuesConfigMap(FluxReleaseSpec spec, string name, IReadOnlyDictionary<string, object?> values)
    {
        var metadata = Metadata(spec, name);
        // helm-controller reconciles a release when a ConfigMap it reads values from changes, if the ConfigMap carries this label.
        metadata.Add("labels", new YamlMappingNode { { "reconcile.fluxcd.io/watch", "Enabled" } });
        var text = values.Count == 0 ? "{}\n" : Write(YamlValues.ToMapping(values));
        return new YamlMappingNode
        {
            { "apiVersion", "v1" },
            { "kind", "ConfigMap" },
            { "metadata", metadata },
            { "data", new YamlMappingNode { { "values.yaml", String(text) } } },
        };
    }
}
