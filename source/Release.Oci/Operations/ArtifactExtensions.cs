using Release.Foundation.Oci;

namespace Release.Oci;

/// <summary>Generic OCI artifacts (Helm charts, SBOMs, reports): a config blob plus typed layers in an OCI image manifest.</summary>
public static class ArtifactExtensions
{
    /// <summary>
    /// Uploads the config and layers (skipping blobs the repository has) and tags an OCI image manifest that
    /// references them. For a Helm chart: config <see cref="OciMediaTypes.HelmConfig"/> (Chart.yaml as JSON) and one
    /// layer <see cref="OciMediaTypes.HelmChartContent"/> (the .tgz). Returns the manifest digest.
    /// </summary>
    public static async Task<OciDigest> PushArtifactAsync(
        this OciRegistryClient client, string repository, string tag, string configMediaType, byte[] config,
        IReadOnlyList<ArtifactLayer> layers, IReadOnlyDictionary<string, string>? annotations = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(configMediaType);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(layers);
        OciNames.ValidateRepository(repository);
        OciNames.ValidateTag(tag);
        var configDescriptor = await PushIfMissingAsync(client, repository, config, configMediaType, null, cancellationToken)
            .ConfigureAwait(false);
        var layerDescriptors = new List<OciDescriptor>();
        foreach (var layer in layers)
        {
            layerDescriptors.Add(await PushIfMissingAsync(client, repository, layer.Content, layer.MediaType, layer.Annotations, cancellationToken)
                .ConfigureAwait(false));
        }

        var document = new ManifestDocument
        {
            MediaType = OciMediaTypes.ImageManifest,
            Config = configDescriptor,
            Layers = layerDescriptors,
            Annotations = annotations,
        };
        var manifest = new ManifestContent(document.ToJsonBytes(), OciMediaTypes.ImageManifest);
        return await client.PutManifestAsync(repository, tag, manifest, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Returns the exact bytes (digest-verified) of the first layer with <paramref name="layerMediaType"/> in the
    /// artifact at <paramref name="reference"/>; throws listing the layer types present when there is none.
    /// </summary>
    public static async Task<byte[]> PullArtifactLayerAsync(
        this OciRegistryClient client, string repository, string reference, string layerMediaType,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var manifest = await client.GetManifestAsync(repository, reference, cancellationToken).ConfigureAwait(false);
        if (manifest.IsIndex)
        {
            throw new InvalidOperationException(
                $"{repository}:{reference} is an index ({manifest.MediaType}), not an artifact manifest; pass a single manifest's digest.");
        }

        var layers = manifest.Document.Layers ?? [];
        var layer = layers.FirstOrDefault(l => l.MediaType == layerMediaType) ?? throw new InvalidOperationException(
            $"{repository}:{reference} has no layer of type {layerMediaType}; its layers are: " +
            (layers.Count == 0 ? "none" : string.Join(", ", layers.Select(l => l.MediaType).Distinct())) + ".");
        var bytes = await client.GetBlobBytesAsync(repository, layer.ParsedDigest, cancellationToken).ConfigureAwait(false);
        if (bytes.LongLength != layer.Size)
        {
            throw new OciRegistryException(
                $"layer {layer.Digest} of {repository}:{reference} is {bytes.LongLength} bytes but the manifest says {layer.Size}.");
        }

        return bytes;
    }

    private static async Task<OciDescriptor> PushIfMissingAsync(
        OciRegistryClient client, string repository, byte[] content, string mediaType,
        IReadOnlyDictionary<string, string>? annotations, CancellationToken cancellationToken)
    {
        var digest = OciDigest.Compute(content);
        if (!await client.BlobExistsAsync(repository, digest, cancellationToken).ConfigureAwait(false))
        {
            await client.PushBlobAsync(repository, content, BlobUploadMode.Auto, cancellationToken).ConfigureAwait(false);
        }

        return new OciDescriptor(mediaType, digest.ToString(), content.LongLength) { Annotations = annotations };
    }
}
