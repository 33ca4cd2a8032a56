using Release.SemVer;

namespace Release.Helm.Versioning;

/// <summary>
/// Reads a chart's version as Helm does (SemVer 2), and when the text is not one, says why with the fix for the
/// mistakes charts usually make (see <see cref="SemanticVersionAdvice"/>).
/// </summary>
public static class HelmVersion
{
    /// <summary>Parses <paramref name="text"/>, or returns null and the reason with a suggested fix.</summary>
    /// <param name="text">The version text, e.g. from Chart.yaml.</param>
    /// <param name="problem">Why the text is not a version, and the fix; null on success.</param>
    public static SemanticVersion? TryParse(string? text, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = "it is empty; write MAJOR.MINOR.PATCH, e.g. '1.0.0'";
            return null;
        }
        if (SemanticVersion.TryParse(text, out var version, out _)) return version;
        problem = SemanticVersionAdvice.Explain(text);
        return null;
    }

    /// <summary>Parses <paramref name="text"/> or throws a <see cref="FormatException"/> that names <paramref name="place"/> and the fix.</summary>
    /// <param name="text">The version text.</param>
    /// <param name="place">Where the text came from (a file and field, a parameter), named in the error.</param>
    public static SemanticVersion Parse(string? text, string place)
        => TryParse(text, out var problem)
           ?? throw new FormatException($"{place}: '{text}' is not a SemVer 2 version: {problem}.");
}
