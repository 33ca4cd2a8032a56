using Release.Oci;

namespace Release.Containers.Layouts;

/// <summary>What <see cref="PlatformImagePuller.PullAsync"/> did.</summary>
/// <param name="Manifest">The single-platform manifest now in the layout.</param>
/// <param name="Downloaded">Blobs fetched from the registry.</param>
/// <param name="Present">Blobs already in the layout, not fetched again.</param>
internal sealed record PlatformImagePull(ManifestContent Manifest, int Downloaded, int Present);

/// <summary>
/// Pulls one image from a registry into an OCI layout, only for this machine's platform: from a multi-platform index
/// just the matching manifest and its blobs (a mirror's index may list many platforms; a build needs one). Blobs
/// already in the layout are not fetched again, so a layout kept between runs makes the pull a manifest request.
/// </summary>
internal static class PlatformImagePuller
{
    /// <summary>
    /// Pulls <paramref name="repository"/>:<paramref name="reference"/> into <paramref name="layoutDirectory"/> and
    /// records the platform's manifest under <paramref name="layoutTag"/>. Blobs are verified and moved into place
    /// before index.json names them, so an interrupted pull leaves the layout as it was.
    /// </summary>
    /// <exception cref="InvalidOperationException">The reference is an index without this machine's platform; the message lists what it
    /// offers.</exception>
    public static async Task<PlatformImagePull> PullAsync(
        OciRegistryClient client, string repository, string reference, string layoutDirectory, string layoutTag, CancellationToken cancellationToken)
    {
        var manifest = await client.GetManifestAsync(repository, reference, cancellationToken).ConfigureAwait(false);
        if (manifest.IsIndex)
        {
            var children = manifest.Document.Manifests ?? [];
            var child = HostPlatform.Select(children) ?? throw new InvalidOperationException(
                $"{repository}:{reference} has no {HostPlatform.Name} image, the platform of this machine; it offers: " +
                    $"{HostPlatform.Describe(children)}");
            manifest = await client.GetManifestAsync(repository, child.Digest, cancellationToken).ConfigureAwait(false);
        }
        if (manifest.IsIndex || manifest.Document.Config is null)
            throw new InvalidOperationException($"{repository}:{reference} ({manifest.Digest}) is not a container image manifest");

        var layout = await OciImageLayout.CreateAsync(layoutDirectory, cancellationToken).ConfigureAwait(false);
        var downloaded = await client.PullBlobsAsync(layout, repository, manifest, cancellationToken).ConfigureAwait(false);
        var present = manifest.Document.Blobs().Count() - downloaded;
        await layout.WriteBlobAsync(manifest.Bytes, manifest.MediaType, cancellationToken).ConfigureAwait(false);
        await layout.AddManifestAsync(manifest.ToDescriptor() with { Platform = HostPlatform.Platform }, layoutTag, cancellationToken)
            .ConfigureAwait(false);
        return new PlatformImagePull(manifest, downloaded, present);
    }
}
