namespace Release.Scanning.Model;

/// <summary>An advisory that applies to one component of the scanned subject.</summary>
/// <param name="Advisory">The advisory.</param>
/// <param name="Component">The affected component.</param>
/// <param name="SourceName">Name of the advisory source that reported it.</param>
/// <param name="AffectedVersions">The affected range as the source wrote it (for reports).</param>
/// <param name="FixedVersion">The first fixed version when the source knows it.</param>
public sealed record Finding(
    Advisory Advisory,
    SoftwareComponent Component,
    string SourceName,
    string AffectedVersions,
    string? FixedVersion = null);
