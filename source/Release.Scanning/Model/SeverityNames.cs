namespace Release.Scanning.Model;

/// <summary>Turns severity names from configuration files and advisory feeds into <see cref="Severity"/>.</summary>
public static class SeverityNames
{
    /// <summary>The names accepted by <see cref="Parse"/>, in order from lowest to highest.</summary>
    public static IReadOnlyList<string> ValidNames { get; } =
        ["Unknown", "Low", "Medium", "High", "Critical"];

    /// <summary>
    /// Parses a severity name, ignoring case. "Moderate" is accepted as <see cref="Severity.Medium"/>
    /// because GitHub advisories and NuGet use that word.
    /// </summary>
    /// <param name="name">The text to parse.</param>
    /// <param name="place">Where the text came from (file and field, option name), used in the error message.</param>
    /// <exception cref="FormatException">The name is not a known severity; the message lists the valid names.</exception>
    public static Severity Parse(string? name, string place)
    {
        if (TryParse(name, out var severity))
        {
            return severity;
        }

        throw new FormatException(
            $"{place}: '{name}' is not a severity. Use one of: {string.Join(", ", ValidNames)} (case does not matter; 'Moderate' means Medium).");
    }

    /// <summary>Parses a severity name, ignoring case; returns false for anything unknown.</summary>
    /// <param name="name">The text to parse.</param>
    /// <param name="severity">The parsed severity, or <see cref="Severity.Unknown"/> when parsing failed.</param>
    public static bool TryParse(string? name, out Severity severity)
    {
        severity = Severity.Unknown;
        switch (name?.Trim().ToLowerInvariant())
        {
            case "unknown": severity = Severity.Unknown; return true;
            case "low": severity = Severity.Low; return true;
            case "medium" or "moderate": severity = Severity.Medium; return true;
            case "high": severity = Severity.High; return true;
            case "critical": severity = Severity.Critical; return true;
            default: return false;
        }
    }

    /// <summary>Maps a free-form severity from an advisory feed; anything unrecognised becomes <see cref="Severity.Unknown"/>.</summary>
    /// <param name="name">The feed's severity text, e.g. "HIGH" or "MODERATE".</param>
    public static Severity ParseLenient(string? name) => TryParse(name, out var severity) ? severity : Severity.Unknown;
}
