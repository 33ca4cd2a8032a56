namespace Release.Containers.RootFs;

/// <summary>A written, gzip-compressed layer.</summary>
/// <param name="Path">File holding the compressed layer.</param>
/// <param name="Digest">sha256 of the compressed bytes (the blob digest).</param>
/// <param name="Size">Compressed size in bytes.</param>
/// <param name="DiffId">sha256 of the uncompressed tar (goes into the image config's rootfs.diff_ids).</param>
public sealed record LayerBlob(string Path, string Digest, long Size, string DiffId);
