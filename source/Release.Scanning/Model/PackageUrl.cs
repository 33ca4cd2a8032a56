namespace Release.Scanning.Model;

/// <summary>Builds package URLs (purl) for components.</summary>
public static class PackageUrl
{
    /// <summary>
    /// The purl of a component: <c>pkg:nuget/Name@Version</c> or <c>pkg:deb/debian/name@version?arch=...</c>
    /// (<c>pkg:generic/name@version</c> for other ecosystems).
    /// </summary>
    /// <param name="component">The component to identify.</param>
    public static string For(SoftwareComponent component) => component.Ecosystem switch
    {
        ComponentEcosystem.NuGet => $"pkg:nuget/{Encode(component.Name)}@{Encode(component.Version)}",
        ComponentEcosystem.Debian => component.Architecture is { Length: > 0 } arch
            ? $"pkg:deb/debian/{Encode(component.Name)}@{Encode(component.Version)}?arch={Encode(arch)}"
            : $"pkg:deb/debian/{Encode(component.Name)}@{Encode(component.Version)}",
        _ => $"pkg:generic/{Encode(component.Name)}@{Encode(component.Version)}",
    };

    // The purl spec percent-encodes names and versions but lets ':' (Debian epochs) stand as is.
    private static string Encode(string text) => Uri.EscapeDataString(text).Replace("%3A", ":", StringComparison.Ordinal);
}
