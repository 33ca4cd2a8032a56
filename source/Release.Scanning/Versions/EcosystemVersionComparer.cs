using NuGet.Versioning;
using Release.Scanning.Model;

namespace Release.Scanning.Versions;

/// <summary>Compares two version strings with the rules of a component's ecosystem.</summary>
public static class EcosystemVersionComparer
{
    /// <summary>
    /// Compares <paramref name="left"/> and <paramref name="right"/>; NuGet versions by NuGet's SemVer rules,
    /// Debian versions by dpkg's rules.
    /// </summary>
    /// <param name="ecosystem">Which rules apply.</param>
    /// <param name="left">First version.</param>
    /// <param name="right">Second version.</param>
    /// <param name="place">Where the versions came from, for the error message.</param>
    /// <exception cref="FormatException">A NuGet version cannot be parsed; the message names the place.</exception>
    public static int Compare(ComponentEcosystem ecosystem, string left, string right, string place) => ecosystem switch
    {
        ComponentEcosystem.NuGet => ParseNuGet(left, place).CompareTo(ParseNuGet(right, place)),
        ComponentEcosystem.Debian => DebianVersionComparer.Instance.Compare(left, right),
        // No ordering rules known for other ecosystems: only equality is meaningful.
        _ => string.CompareOrdinal(left, right),
    };

    private static NuGetVersion ParseNuGet(string text, string place) =>
        NuGetVersion.TryParse(text, out var version)
            ? version
            : throw new FormatException($"{place}: '{text}' is not a NuGet version (expected e.g. 13.0.1 or 1.0.0-beta.2).");
}
