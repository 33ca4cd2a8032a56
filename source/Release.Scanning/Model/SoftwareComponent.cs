namespace Release.Scanning.Model;

/// <summary>One package found in a build or an image: the unit that advisories are matched against.</summary>
/// <param name="Ecosystem">Which package world the component belongs to.</param>
/// <param name="Name">Package name as the ecosystem spells it (NuGet id, dpkg package name).</param>
/// <param name="Version">Installed version, exactly as recorded.</param>
/// <param name="Scope">Whether it ships.</param>
/// <param name="IsDirect">True when the project references it itself (always true for OS packages).</param>
/// <param name="Architecture">dpkg architecture (amd64, all, ...); null for NuGet packages.</param>
public sealed record SoftwareComponent(
    ComponentEcosystem Ecosystem,
    string Name,
    string Version,
    DependencyScope Scope = DependencyScope.Required,
    bool IsDirect = true,
    string? Architecture = null)
{
    /// <summary>
    /// Names of the components (same ecosystem) this one depends on, when known: empty means "depends on nothing",
    /// null means "not known" (the SBOM then states no dependencies for it rather than claim none).
    /// </summary>
    public IReadOnlyList<string>? DependsOn { get; init; }

    /// <summary>The package URL (purl) that identifies this component in SBOMs and reports.</summary>
    public string Purl => PackageUrl.For(this);
}
