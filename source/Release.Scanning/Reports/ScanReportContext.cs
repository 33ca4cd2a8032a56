namespace Release.Scanning.Reports;

/// <summary>What was scanned, as reports need to name it.</summary>
/// <param name="SubjectName">Application or image name.</param>
/// <param name="SubjectVersion">Its version.</param>
/// <param name="Image">Image reference (registry/repository:tag) for container reports; defaults to name:version.</param>
/// <param name="OperatingSystem">OS of the image, e.g. "debian 12"; "unknown" when not given.</param>
/// <param name="ArtifactUri">
/// Relative path or URI of the scanned manifest (e.g. "src/App/obj/project.assets.json"), used as the SARIF
/// location; null for logical (package URL) locations only.
/// </param>
public sealed record ScanReportContext(
    string SubjectName,
    string SubjectVersion,
    string? Image = null,
    string? OperatingSystem = null,
    string? ArtifactUri = null)
{
    /// <summary>
    /// The text of the manifest <see cref="ArtifactUri"/> names, when the caller read it: SARIF results then carry the
    /// region of the package in it. A component not found there (an OS package, the base image's runtime) gets a logical
    /// location only, rather than a file location without a region.
    /// </summary>
    public string? ArtifactText { get; init; }

    /// <summary>The image reference to write: <see cref="Image"/> or "name:version".</summary>
    public string ImageOrDefault => Image ?? $"{SubjectName}:{SubjectVersion}";

    /// <summary>The operating system to write: <see cref="OperatingSystem"/> or "unknown".</summary>
    public string OperatingSystemOrDefault => string.IsNullOrWhiteSpace(OperatingSystem) ? "unknown" : OperatingSystem;
}
