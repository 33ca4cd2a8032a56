using Release.Foundation.Oci;

namespace Release.Oci;

/// <summary>Promoting an image by digest: copying exactly the same bytes to another repository or registry.</summary>
public static class ImageCopyExtensions
{
    /// <summary>
    /// Copies <paramref name="sourceRepository"/>:<paramref name="reference"/> to
    /// <paramref name="targetRepository"/>:<paramref name="targetTag"/> on <paramref name="target"/>. On the same
    /// registry blobs are mounted; across registries they are streamed (through a verified temp file). Manifests are
    /// copied byte for byte, never rebuilt; the target tag is resolved afterwards and must equal the source digest.
    /// </summary>
    /// <param name="source">The registry to copy from.</param>
    /// <param name="sourceRepository">Repository to copy from.</param>
    /// <param name="reference">Tag or digest to copy.</param>
    /// <param name="target">The registry to copy to (may be <paramref name="source"/>).</param>
    /// <param name="targetRepository">Repository to copy to.</param>
    /// <param name="targetTag">Tag to give the copy.</param>
    /// <param name="immutableTag">When true, an existing target tag with another digest is refused.</param>
    /// <param name="cancellationToken">Cancels the copy.</param>
    public static async Task<ImageCopyResult> CopyImageAsync(
        this OciRegistryClient source, string sourceRepository, string reference,
        OciRegistryClient target, string targetRepository, string targetTag,
        bool immutableTag = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        OciNames.ValidateTag(targetTag, nameof(targetTag));
        var root = await source.GetManifestAsync(sourceRepository, reference, cancellationToken).ConfigureAwait(false);
        if (immutableTag && await target.CheckTagFreeAsync(targetRepository, targetTag, root.Digest, cancellationToken).ConfigureAwait(false))
        {
            return new ImageCopyResult(root.Digest, 0, 0, 0);
        }

        var copy = new Copy(source, sourceRepository, target, targetRepository,
            source.Address.BaseUri == target.Address.BaseUri);
        await copy.TreeAsync(root, targetTag, cancellationToken).ConfigureAwait(false);
        var landed = await target.ResolveDigestAsync(targetRepository, targetTag, cancellationToken).ConfigureAwait(false);
        if (landed != root.Digest)
        {
            throw new OciRegistryException(
                $"copy of {sourceRepository}@{root.Digest} to {target.Address.Host}/{targetRepository}:{targetTag} " +
                $"resolves to {landed?.ToString() ?? "nothing"}; the target did not keep the digest.");
        }

        return new ImageCopyResult(root.Digest, copy.Mounted, copy.Uploaded, copy.Skipped);
    }

    private sealed class Copy(
        OciRegistryClient source, string sourceRepository, OciRegistryClient target, string targetRepository, bool sameRegistry)
    {
        public int Mounted { get; private set; }

        public int Uploaded { get; private set; }

        public int Skipped { get; private set; }

        public async Task TreeAsync(ManifestContent manifest, string reference, CancellationToken cancellationToken)
        {
            if (manifest.IsIndex)
            {
                foreach (var child in manifest.Document.Manifests ?? [])
                {
                    var childManifest = await source.GetManifestAsync(sourceRepository, child.Digest, cancellationToken).ConfigureAwait(false);
                    await TreeAsync(childManifest, child.Digest, cancellationToken).ConfigureAwait(false);
                }
            }
            else
            {
                foreach (var blob in manifest.Document.Blobs())
                {
                    await BlobAsync(blob.ParsedDigest, cancellationToken).ConfigureAwait(false);
                }
            }

            await target.PutManifestAsync(targetRepository, reference, manifest, cancellationToken).ConfigureAwait(false);
        }

        private async Task BlobAsync(OciDigest digest, CancellationToken cancellationToken)
        {
            if (await target.BlobExistsAsync(targetRepository, digest, cancellationToken).ConfigureAwait(false))
            {
                Skipped++;
                return;
            }

            if (sameRegistry)
            {
                var result = await target.MountBlobAsync(targetRepository, digest, sourceRepository, cancellationToken).ConfigureAwait(false);
                if (result == BlobMountResult.Mounted)
                {
                    Mounted++;
                }
                else
                {
                    Uploaded++;
                }

                return;
            }

            var temp = Path.Combine(Path.GetTempPath(), $"release-oci-copy-{Guid.NewGuid():N}.blob");
            try
            {
                await source.GetBlobToFileAsync(sourceRepository, digest, temp, cancellationToken).ConfigureAwait(false);
                await target.PushBlobFileAsync(targetRepository, digest, temp, BlobUploadMode.Auto, cancellationToken).ConfigureAwait(false);
                Uploaded++;
            }
            finally
            {
                File.Delete(temp);
            }
        }
    }
}
