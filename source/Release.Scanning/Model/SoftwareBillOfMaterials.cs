namespace Release.Scanning.Model;

/// <summary>What was built or packaged (the SBOM subject) and every component in it.</summary>
/// <param name="SubjectName">Name of the application or image the SBOM describes.</param>
/// <param name="SubjectVersion">Its version.</param>
/// <param name="SubjectKind">What the subject is: an application or a container image.</param>
/// <param name="Components">All components; duplicates (same purl) are merged.</param>
public sealed record SoftwareBillOfMaterials(
    string SubjectName,
    string SubjectVersion,
    SbomSubjectKind SubjectKind,
    IReadOnlyList<SoftwareComponent> Components)
{
    /// <summary>
    /// Builds an SBOM with components de-duplicated by purl and sorted by purl, so that the same input always
    /// gives the same document. When a component appears as both required and excluded, required wins.
    /// </summary>
    /// <param name="subjectName">Name of the application or image.</param>
    /// <param name="subjectVersion">Its version.</param>
    /// <param name="subjectKind">Application or container image.</param>
    /// <param name="components">Components from any number of readers.</param>
    public static SoftwareBillOfMaterials Create(
        string subjectName, string subjectVersion, SbomSubjectKind subjectKind, IEnumerable<SoftwareComponent> components)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subjectName);
        ArgumentException.ThrowIfNullOrWhiteSpace(subjectVersion);
        var merged = components
            .GroupBy(c => c.Purl, StringComparer.Ordinal)
            .Select(g => g.OrderBy(c => c.Scope).ThenByDescending(c => c.IsDirect).First())
            .OrderBy(c => c.Purl, StringComparer.Ordinal)
            .ToList();
        return new SoftwareBillOfMaterials(subjectName, subjectVersion, subjectKind, merged);
    }
}
