using Release.Foundation.Oci;
using Release.Process.Versioning;
using Release.SemVer;

namespace Release.Process.Promotion;

/// <summary>One deployment that happened: the history planners reason about.</summary>
/// <param name="Environment">Where.</param>
/// <param name="ReleaseId">Which release.</param>
/// <param name="Version">Its version.</param>
/// <param name="ImageDigest">The image digest deployed.</param>
/// <param name="DeployedAt">When.</param>
public sealed record Deployment(string Environment, string ReleaseId, SemanticVersion Version, OciDigest ImageDigest, DateTimeOffset DeployedAt);
