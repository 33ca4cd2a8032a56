namespace Release.Scanning.Model;

/// <summary>The kind of thing an SBOM describes (CycloneDX metadata component type).</summary>
public enum SbomSubjectKind
{
    /// <summary>A built application or library (CycloneDX "application").</summary>
    Application,

    /// <summary>A container image (CycloneDX "container").</summary>
    Container,
}
