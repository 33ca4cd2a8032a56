using Release.Oci;
using Release.Pipeline.References;

namespace Release.Pipeline.Registries;

/// <summary>
/// Promotes an image: copies exactly the bytes of a digest to another repository or registry under an immutable tag,
/// never rebuilding. On one registry blobs are mounted; across registries they are streamed. The release process
/// uses it to move a blessed build from staging's repository to production's.
/// </summary>
public sealed class ImagePromoter(RegistryConnections connections)
{
    /// <summary>
    /// Copies <paramref name="source"/> to <paramref name="targetRegistry"/>/<paramref name="targetRepository"/>:<paramref name="tag"/>.
    /// A tag that already points at the same digest is left alone; one that points elsewhere is refused naming both digests.
    /// </summary>
    /// <returns>The copy's outcome; its digest always equals the source digest.</returns>
    /// <exception cref="InvalidOperationException">Bad names, unreachable registry, refused credentials or a moved tag (message says which and the
    /// fix).</exception>
    /// <param name="source">The image by digest.</param>
    /// <param name="targetRegistry">The registry to copy to (may be the source's).</param>
    /// <param name="targetRepository">The repository to copy to.</param>
    /// <param name="tag">The immutable tag to give the copy.</param>
    /// <param name="stage">Names the caller in error messages (the Push target, or the release process).</param>
    /// <param name="cancellationToken">Cancels the copy.</param>
    public async Task<ImageCopyResult> PromoteAsync(OciReference source, string targetRegistry, string targetRepository, string tag,
        string stage = "Promotion", CancellationToken cancellationToken = default)
    {
        string digest;
        try
        {
            digest = source.RequireDigest();
            _ = new OciReference(targetRegistry, targetRepository, tag);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"{stage}: copying {source} to {targetRegistry}/{targetRepository}:{tag}: {e.Message}", e);
        }

        using var from = connections.Source(source.Registry, targetRegistry);
        using var to = connections.Target(targetRegistry);
        var what = $"copying {source.ByDigest()} to {targetRegistry}/{targetRepository}:{tag}";
        return await RegistryErrors.Explain(stage, what, RegistryErrors.PushRegistryHint, () =>
            from.CopyImageAsync(source.Repository, digest, to, targetRepository, tag, immutableTag: true, cancellationToken)).ConfigureAwait(false);
    }
}
