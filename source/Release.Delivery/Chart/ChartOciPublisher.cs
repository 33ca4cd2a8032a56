using Release.Helm.Charts;
using Release.Helm.Oci;
using Release.Helm.Packaging;
using Release.Oci;
using Release.Engine;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;

namespace Release.Delivery.Chart;

/// <summary>
/// Pushes a packaged chart as an OCI artifact the way <c>helm push</c> does: config blob
/// <see cref="HelmOciMediaTypes.Config"/> (Chart.yaml as JSON), one layer <see cref="HelmOciMediaTypes.ChartContent"/>
/// holding the .tgz byte for byte, tag = version with <c>+</c> as <c>_</c>. A chart version is published once: the
/// same package again is a no-op, a different package under the same version is refused.
/// </summary>
internal static class ChartOciPublisher
{
    /// <summary>Pushes the package to <paramref name="reference"/> (repository and tag); returns the manifest digest and whether it was
    /// new.</summary>
    public static async Task<(string ManifestDigest, bool Created)> PublishAsync(
        RegistryConnections connections, OciReference reference, ChartPackage package, ChartMetadata metadata, CancellationToken ct)
    {
        var tag = reference.Tag ?? throw new ArgumentException($"The chart reference '{reference}' has no tag.", nameof(reference));
        using var client = connections.Target(reference.Registry);
        return await RegistryErrors.Explain("Chart", $"pushing chart {reference}", "--chart-registry", async () =>
        {
            var existing = await client.ResolveDigestAsync(reference.Repository, tag, ct).ConfigureAwait(false);
            if (existing is { } digest)
            {
                var manifest = await client.GetManifestAsync(reference.Repository, digest.ToString(), ct).ConfigureAwait(false);
                var layer = manifest.Document.Layers?.FirstOrDefault(l => l.MediaType == HelmOciMediaTypes.ChartContent);
                if (layer?.Digest == package.Digest) return (digest.ToString(), false);
                throw new InvalidOperationException(
                    $"Chart: {reference} was already pushed with package {layer?.Digest ?? "(no chart layer)"}, and this build packaged " +
                    $"{package.Digest}. Chart versions are immutable: change the version (a new commit gives a new one) or --chart-version.");
            }

            var bytes = await File.ReadAllBytesAsync(package.Path, ct).ConfigureAwait(false);
            var layers = new[]
            {
                new ArtifactLayer(HelmOciMediaTypes.ChartContent, bytes)
                {
                    Annotations = new Dictionary<string, string> { ["org.opencontainers.image.title"] = Path.GetFileName(package.Path) },
                },
            };
            var pushed = await client.PushArtifactAsync(reference.Repository, tag, HelmOciMediaTypes.Config,
                HelmOciConfig.Serialize(metadata), layers, cancellationToken: ct).ConfigureAwait(false);
            return (pushed.ToString(), true);
        }).ConfigureAwait(false);
    }
}
