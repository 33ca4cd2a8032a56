namespace Release.Helm.Linting;

/// <summary>How serious a lint finding is.</summary>
public enum LintSeverity
{
    /// <summary>Probably wrong, but Helm would still install the chart.</summary>
    Warning,

    /// <summary>Helm (or Kubernetes) would reject the chart, or it would silently deploy something else.</summary>
    Error,
}

/// <summary>One lint problem, located by chart-relative file and 1-based line (0 when the whole file is concerned).</summary>
/// <param name="Severity">How serious it is.</param>
/// <param name="File">Chart-relative path with '/' separators, e.g. <c>templates/deployment.yaml</c>.</param>
/// <param name="Line">1-based line, or 0 for the whole file.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record LintFinding(LintSeverity Severity, string File, int Line, string Message)
{
    /// <summary>Formats as <c>file:line: severity: message</c>, the form editors and CI logs link.</summary>
    public override string ToString() => $"{File}:{Line}: {Severity.ToString().ToLowerInvariant()}: {Message}";
}
