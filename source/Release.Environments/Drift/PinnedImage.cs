using Release.Helm.Flux;
using YamlDotNet.RepresentationModel;

namespace Release.Environments.Drift;

/// <summary>The image a module's deployer-written chart values pin in the environment repository.</summary>
/// <param name="Repository">The image repository (<c>image.repository</c>), or null when the values name none.</param>
/// <param name="Digest">The pinned digest (<c>image.digest</c>).</param>
public sealed record PinnedImage(string? Repository, string Digest)
{
    /// <summary>The reference a Deployment should run: <c>repository@digest</c>, or the digest alone.</summary>
    public string Reference => Repository is null ? Digest : $"{Repository}@{Digest}";

    /// <summary>
    /// Every module's pinned image in <c>environments/ENV/MODULE/</c> of the repository at <paramref name="repositoryRoot"/>,
    /// by module: the deployer's <c>image-values.yaml</c> in folders rendered from the configuration source, else (folders
    /// the deployer writes whole) its <c>values-configmap.yaml</c>.
    /// </summary>
    public static IReadOnlyDictionary<string, PinnedImage> Read(string repositoryRoot, string environment)
    {
        var pinned = new SortedDictionary<string, PinnedImage>(StringComparer.Ordinal);
        var folder = Path.Combine(repositoryRoot, "environments", environment);
        if (!Directory.Exists(folder)) return pinned;
        foreach (var module in Directory.EnumerateDirectories(folder))
        {
            var image = new[] { FluxManifestWriter.ImageValuesFileName, "values-configmap.yaml" }
                .Select(name => Path.Combine(module, name)).Where(File.Exists)
                .Select(file => In(File.ReadAllText(file))).FirstOrDefault(found => found is not null);
            if (image is not null) pinned[Path.GetFileName(module)] = image;
        }
        return pinned;
    }

    // data."values.yaml" holds the chart values as YAML text; image.repository and image.digest inside it.
    private static PinnedImage? In(string configMap)
    {
        if (Root(configMap) is not { } root || Child(root, "data") is not YamlMappingNode data
            || Child(data, "values.yaml") is not YamlScalarNode { Value: { } values }
            || Root(values) is not { } valuesRoot || Child(valuesRoot, "image") is not YamlMappingNode image
            || Child(image, "digest") is not YamlScalarNode { Value: { Length: > 0 } digest })
            return null;
        return new PinnedImage((Child(image, "repository") as YamlScalarNode)?.Value, digest);
    }

    private static YamlMappingNode? Root(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Count > 0 ? stream.Documents[0].RootNode as YamlMappingNode : null;
    }

    private static YamlNode? Child(YamlMappingNode node, string key) => node.Children.TryGetValue(key, out var child) ? child : null;
}
