using Release.Scanning.Model;

namespace Release.Scanning.Reports;

/// <summary>Severity words and numbers as the report formats want them.</summary>
internal static class SeverityScores
{
    /// <summary>
    /// A representative CVSS-like score per severity, for SARIF's <c>security-severity</c> property (code scanning
    /// tools grade by it: 9.0+ critical, 7.0+ high, 4.0+ medium, above 0 low).
    /// </summary>
    public static string SecuritySeverity(Severity severity) => severity switch
    {
        Severity.Critical => "9.5",
        Severity.High => "8.0",
        Severity.Medium => "5.5",
        Severity.Low => "2.0",
        _ => "0.0",
    };

    /// <summary>GitLab's severity words: Info, Unknown, Low, Medium, High, Critical.</summary>
    public static string GitLab(Severity severity) => severity.ToString();

    /// <summary>Identifier type from an id's prefix: "GHSA-..." -> "ghsa", "CVE-..." -> "cve"; "advisory" otherwise.</summary>
    public static string IdentifierType(string id)
    {
        var dash = id.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && id[..dash].All(char.IsAsciiLetter) ? id[..dash].ToLowerInvariant() : "advisory";
    }
}
