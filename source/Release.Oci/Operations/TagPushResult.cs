using Release.Foundation.Oci;

namespace Release.Oci;

/// <summary>The outcome of an immutable tag push.</summary>
/// <param name="Digest">The digest the tag points at afterwards.</param>
/// <param name="Created">True when the tag was created now; false when it already pointed at this digest (no-op).</param>
public sealed record TagPushResult(OciDigest Digest, bool Created);
