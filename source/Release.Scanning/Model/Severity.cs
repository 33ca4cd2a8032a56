namespace Release.Scanning.Model;

/// <summary>
/// How bad an advisory is. The numeric order is meaningful: policies compare severities with
/// <c>&gt;=</c>, so <see cref="Unknown"/> is the lowest and <see cref="Critical"/> the highest.
/// </summary>
public enum Severity
{
    /// <summary>The source did not say (or said something we could not map).</summary>
    Unknown = 0,

    /// <summary>Low severity.</summary>
    Low = 1,

    /// <summary>Medium severity (GitHub and NuGet call this "moderate").</summary>
    Medium = 2,

    /// <summary>High severity.</summary>
    High = 3,

    /// <summary>Critical severity.</summary>
    Critical = 4,
}
