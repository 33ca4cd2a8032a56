using System.Runtime.InteropServices;
using Release.Oci;

namespace Release.Containers.Layouts;

/// <summary>
/// The OCI platform of this machine (<c>linux/amd64</c> or <c>linux/arm64</c>), and picking its entry from an image
/// index. Images are built and run on the machine that builds them, so that is the only platform a build needs.
/// </summary>
internal static class HostPlatform
{
    /// <summary>Always <c>linux</c>: the images this library builds and runs are Linux images.</summary>
    public const string Os = "linux";

    /// <summary>The OCI architecture name of this machine's CPU, e.g. <c>amd64</c>.</summary>
    public static string Architecture => RuntimeInformation.OSArchitecture switch
    {
        System.Runtime.InteropServices.Architecture.X64 => "amd64",
        System.Runtime.InteropServices.Architecture.Arm64 => "arm64",
        var other => other.ToString().ToLowerInvariant(),
    };

    /// <summary>This machine's platform as an index entry would state it.</summary>
    public static OciPlatform Platform => new(Architecture, Os);

    /// <summary><c>os/architecture</c>, e.g. <c>linux/amd64</c>.</summary>
    public static string Name => $"{Os}/{Architecture}";

    /// <summary>
    /// The first entry of <paramref name="manifests"/> (an index's children) for this machine's os and architecture,
    /// or null. Entries without a platform (attestations, the SDK's empty ones) never match.
    /// </summary>
    public static OciDescriptor? Select(IEnumerable<OciDescriptor> manifests) =>
        manifests.FirstOrDefault(m => m.Platform is { } p && p.Os == Os && p.Architecture == Architecture);

    /// <summary>The platforms an index offers, for error messages, e.g. <c>linux/arm64/v8, windows/amd64</c>.</summary>
    public static string Describe(IEnumerable<OciDescriptor> manifests)
    {
        var platforms = manifests
            .Select(m => m.Platform is { } p
                ? $"{p.Os ?? "?"}/{p.Architecture ?? "?"}{(p.Variant is null ? "" : "/" + p.Variant)}"
                : "(no platform)")
            .Distinct()
            .ToList();
        return platforms.Count == 0 ? "none (the index is empty)" : string.Join(", ", platforms);
    }
}
