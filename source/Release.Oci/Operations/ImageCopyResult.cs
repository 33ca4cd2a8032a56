using Release.Foundation.Oci;

namespace Release.Oci;

/// <summary>The outcome of <see cref="ImageCopyExtensions.CopyImageAsync"/>.</summary>
/// <param name="Digest">The digest at the target; always equal to the source digest (checked after the copy).</param>
/// <param name="BlobsMounted">Blobs linked on the same registry without moving bytes.</param>
/// <param name="BlobsUploaded">Blobs streamed from the source and uploaded.</param>
/// <param name="BlobsSkipped">Blobs the target repository already had.</param>
public sealed record ImageCopyResult(OciDigest Digest, int BlobsMounted, int BlobsUploaded, int BlobsSkipped);
