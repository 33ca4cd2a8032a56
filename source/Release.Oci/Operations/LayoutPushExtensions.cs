using Release.Foundation.Oci;

namespace Release.Oci;

/// <summary>Uploading an OCI image layout (directory) to a registry.</summary>
public static class LayoutPushExtensions
{
    /// <summary>
    /// Pushes the image in <paramref name="layoutDirectory"/> as <paramref name="repository"/>:<paramref name="tag"/>:
    /// blobs the registry lacks are uploaded, then the manifests (children of an index first). The manifest bytes
    /// are pushed unchanged, so the returned digest equals the layout's.
    /// </summary>
    /// <param name="client">The target registry.</param>
    /// <param name="layoutDirectory">A directory with oci-layout, index.json and blobs/.</param>
    /// <param name="repository">Target repository, e.g. <c>apps/web</c>.</param>
    /// <param name="tag">Target tag.</param>
    /// <param name="layoutTag">The ref name in index.json to push; when null, the entry named <paramref name="tag"/> or the only entry.</param>
    /// <param name="immutableTag">When true, an existing tag with another digest is refused before anything is uploaded.</param>
    /// <param name="cancellationToken">Cancels the push.</param>
    public static async Task<OciDigest> PushLayoutAsync(
        this OciRegistryClient client, string layoutDirectory, string repository, string tag,
        string? layoutTag = null, bool immutableTag = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        OciNames.ValidateRepository(repository);
        OciNames.ValidateTag(tag);
        var layout = await OciImageLayout.OpenAsync(layoutDirectory, cancellationToken).ConfigureAwait(false);
        var descriptor = layoutTag is not null || layout.Manifests.All(m => OciImageLayout.RefName(m) != tag)
            ? layout.FindManifest(layoutTag)
            : layout.FindManifest(tag);
        var root = await layout.ReadManifestAsync(descriptor, cancellationToken).ConfigureAwait(false);
        if (immutableTag && await client.CheckTagFreeAsync(repository, tag, root.Digest, cancellationToken).ConfigureAwait(false))
        {
            return root.Digest;
        }

        await PushTreeAsync(client, layout, repository, root, tag, cancellationToken).ConfigureAwait(false);
        return root.Digest;
    }

    private static async Task PushTreeAsync(
        OciRegistryClient client, OciImageLayout layout, string repository, ManifestContent manifest, string reference,
        CancellationToken cancellationToken)
    {
        if (manifest.IsIndex)
        {
            foreach (var child in manifest.Document.Manifests ?? [])
            {
                if (!layout.HasBlob(child.ParsedDigest))
                {
                    throw new InvalidDataException(
                        $"index {manifest.Digest} in {layout.Root} lists manifest {child.Digest} but the layout does not hold it; " +
                        "re-export the image with all platforms or push a single-platform manifest.");
                }

                var childManifest = await layout.ReadManifestAsync(child, cancellationToken).ConfigureAwait(false);
                await PushTreeAsync(client, layout, repository, childManifest, child.Digest, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            foreach (var blob in manifest.Document.Blobs())
            {
                var digest = blob.ParsedDigest;
                if (await client.BlobExistsAsync(repository, digest, cancellationToken).ConfigureAwait(false))
                {
                    continue;
                }

                var path = layout.BlobPath(digest);
                if (!File.Exists(path))
                {
                    throw new InvalidDataException(
                        $"manifest {manifest.Digest} needs blob {digest} ({blob.MediaType}) but {path} is missing; the layout is incomplete.");
                }

                await client.PushBlobFileAsync(repository, digest, path, BlobUploadMode.Auto, cancellationToken).ConfigureAwait(false);
            }
        }

        await client.PutManifestAsync(repository, reference, manifest, cancellationToken).ConfigureAwait(false);
    }
}
