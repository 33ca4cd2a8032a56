using Release.Delivery.Common;
using Release.Helm.Charts;
using Release.Helm.Oci;
using Release.Helm.Packaging;
using Release.Oci;
using Release.Stages.Pipeline;
using Release.Engine;

namespace Release.Delivery.Chart;

/// <summary>
/// Pushes a packaged chart as an OCI artifact the way <c>helm push</c> does: config blob
/// <see cref="HelmOciMediaTypes.Config"/> (Chart.yaml as JSON), one layer <see cref="HelmOciMediaTypes.ChartContent"/>
/// holding the .tgz byte for byte, tag = version with <c>+</c> as <c>_</c>. A chart version is published once: the
/// same package again is a no-op, a different package under the same version is refused.
/// </summary>
internal static class ChartOciPublisher
{
    public static async Task<(HelmOciReference Reference, string ManifestDigest, bool Created)> PublishAsync(
        RegistryConnections connections, string ociBase, ChartPackage package, ChartMetadata metadata, CancellationToken ct)
    {
        HelmOciReference reference;
        try
        {
            reference = HelmOciReference.For(ociBase, metadata.Name, metadata.Version);
        }
        catch (FormatException e)
        {
            throw new BuildInputException($"Chart: --chart-registry '{ociBase}' is not usable: {e.Message}", e);
        }

        using var client = connections.Target(reference.Registry);
        return await RegistryErrors.Explain("Chart", $"pushing chart {reference}", "--chart-registry", async () =>
        {
            var existing = await client.ResolveDigestAsync(reference.Repository, reference.Tag, ct);
            if (existing is { } digest)
            {
                var manifest = await client.GetManifestAsync(reference.Repository, digest.ToString(), ct);
                var layer = manifest.Document.Layers?.FirstOrDefault(l => l.MediaType == HelmOciMediaTypes.ChartContent);
                if (layer?.Digest == package.Digest) return (reference, digest.ToString(), false);
                throw new InvalidOperationException(
                    $"Chart: {reference} was already pushed with package {layer?.Digest ?? "(no chart layer)"}, and this build packaged " +
                    $"{package.Digest}. Chart versions are immutable: change the version (a new commit gives a new one) or --chart-version.");
            }

            var bytes = await File.ReadAllBytesAsync(package.Path, ct);
            var layers = new[]
            {
                new ArtifactLayer(HelmOciMediaTypes.ChartContent, bytes)
                {
                    Annotations = new Dictionary<string, string> { ["org.opencontainers.image.title"] = Path.GetFileName(package.Path) },
                },
            };
            var pushed = await client.PushArtifactAsync(reference.Repository, reference.Tag, HelmOciMediaTypes.Config,
                HelmOciConfig.Serialize(metadata), layers, cancellationToken: ct);
            return (reference, pushed.ToString(), true);
        });
    }
}
