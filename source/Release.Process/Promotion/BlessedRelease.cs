using Release.Foundation.Oci;
using Release.Process.Versioning;
using Release.SemVer;

namespace Release.Process.Promotion;

/// <summary>A release allowed into production: these exact image and chart digests, and no others.</summary>
/// <param name="ReleaseId">The release.</param>
/// <param name="Version">The stable version.</param>
/// <param name="ImageDigest">The blessed image digest.</param>
/// <param name="ChartDigest">The blessed chart digest.</param>
/// <param name="BlessedAt">When it was blessed.</param>
public sealed record BlessedRelease(
    string ReleaseId,
    SemanticVersion Version,
    OciDigest ImageDigest,
    OciDigest ChartDigest,
    DateTimeOffset BlessedAt);
