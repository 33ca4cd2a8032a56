using Release.Foundation.Oci;

namespace Release.Oci;

/// <summary>Downloading an image from a registry into an OCI image layout directory.</summary>
public static class LayoutPullExtensions
{
    /// <summary>
    /// Pulls <paramref name="repository"/>:<paramref name="reference"/> (tag or digest) with every child manifest
    /// and blob into <paramref name="layoutDirectory"/> (created when missing), checking each digest and size, and
    /// records it in index.json (named by the tag when <paramref name="reference"/> is one). Returns the digest.
    /// </summary>
    public static async Task<OciDigest> PullToLayoutAsync(
        this OciRegistryClient client, string repository, string reference, string layoutDirectory,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var layout = await OciImageLayout.CreateAsync(layoutDirectory, cancellationToken).ConfigureAwait(false);
        var root = await client.GetManifestAsync(repository, reference, cancellationToken).ConfigureAwait(false);
        await PullTreeAsync(client, layout, repository, root, cancellationToken).ConfigureAwait(false);
        var tag = OciDigest.TryParse(reference, out _) ? null : reference;
        await layout.AddManifestAsync(root.ToDescriptor(), tag, cancellationToken).ConfigureAwait(false);
        return root.Digest;
    }

    private static async Task PullTreeAsync(
        OciRegistryClient client, OciImageLayout layout, string repository, ManifestContent manifest,
        CancellationToken cancellationToken)
    {
        if (manifest.IsIndex)
        {
            foreach (var child in manifest.Document.Manifests ?? [])
            {
                var childManifest = await client.GetManifestAsync(repository, child.Digest, cancellationToken).ConfigureAwait(false);
                await PullTreeAsync(client, layout, repository, childManifest, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            await client.PullBlobsAsync(layout, repository, manifest, cancellationToken).ConfigureAwait(false);
        }

        await layout.WriteBlobAsync(manifest.Bytes, manifest.MediaType, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Downloads the config and layers of the image <paramref name="manifest"/> into <paramref name="layout"/>, each
    /// verified by digest and size; blobs already there with the right size are not fetched again. The manifest itself
    /// is not written. Returns how many blobs were downloaded.
    /// </summary>
    /// <exception cref="OciRegistryException">A blob's size differs from what the manifest says.</exception>
    public static async Task<int> PullBlobsAsync(
        this OciRegistryClient client, OciImageLayout layout, string repository, ManifestContent manifest,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(manifest);
        var downloaded = 0;
        foreach (var blob in manifest.Document.Blobs())
        {
            var digest = blob.ParsedDigest;
            var path = layout.BlobPath(digest);
            if (File.Exists(path) && new FileInfo(path).Length == blob.Size)
            {
                continue;
            }

            await client.GetBlobToFileAsync(repository, digest, path, cancellationToken).ConfigureAwait(false);
            var size = new FileInfo(path).Length;
            if (size != blob.Size)
            {
                File.Delete(path);
                throw new OciRegistryException(
                    $"blob {digest} of {repository} is {size} bytes but manifest {manifest.Digest} says {blob.Size}; the manifest is inconsistent.");
            }

            downloaded++;
        }

        return downloaded;
    }
}
