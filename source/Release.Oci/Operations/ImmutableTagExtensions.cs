using Release.Foundation.Oci;

namespace Release.Oci;

/// <summary>Pushing a tag that, once it exists, never moves to other content.</summary>
public static class ImmutableTagExtensions
{
    /// <summary>
    /// Puts <paramref name="manifest"/> under <paramref name="tag"/> unless the tag exists: pointing at the same
    /// digest it is a no-op success, pointing elsewhere it is refused with an <see cref="ImmutableTagException"/>.
    /// The blobs the manifest references must already be in the repository.
    /// </summary>
    /// <remarks>
    /// The registry API has no conditional PUT, so two pushers racing on one new tag can still both pass the check;
    /// registries with server-side tag immutability close that gap.
    /// </remarks>
    public static async Task<TagPushResult> PushTagImmutableAsync(
        this OciRegistryClient client, string repository, string tag, ManifestContent manifest,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(manifest);
        if (await client.CheckTagFreeAsync(repository, tag, manifest.Digest, cancellationToken).ConfigureAwait(false))
        {
            return new TagPushResult(manifest.Digest, Created: false);
        }

        await client.PutManifestAsync(repository, tag, manifest, cancellationToken).ConfigureAwait(false);
        return new TagPushResult(manifest.Digest, Created: true);
    }

    /// <summary>
    /// Returns true when the tag already points at <paramref name="digest"/>, false when it does not exist,
    /// and throws <see cref="ImmutableTagException"/> when it points elsewhere.
    /// </summary>
    internal static async Task<bool> CheckTagFreeAsync(
        this OciRegistryClient client, string repository, string tag, OciDigest digest, CancellationToken cancellationToken)
    {
        OciNames.ValidateTag(tag);
        var existing = await client.ResolveDigestAsync(repository, tag, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            return false;
        }

        if (existing.Value != digest)
        {
            throw new ImmutableTagException(client.Address.Host, repository, tag, existing.Value, digest);
        }

        return true;
    }
}
