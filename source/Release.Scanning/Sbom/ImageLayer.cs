namespace Release.Scanning.Sbom;

/// <summary>One layer blob of an image: where its tar is, and the digest its manifest gives it.</summary>
/// <param name="Path">The layer tar (plain or gzip-compressed).</param>
/// <param name="Digest">The manifest's digest of the blob, <c>sha256:&lt;hex&gt;</c>.</param>
public sealed record ImageLayer(string Path, string Digest);
