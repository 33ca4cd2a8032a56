namespace Release.Helm.Linting;

/// <summary>Thrown when a chart has lint errors and an operation (such as packaging) must not go on.</summary>
public sealed class ChartLintException : Exception
{
    /// <summary>Creates the exception for the chart at <paramref name="chartDirectory"/> with its findings.</summary>
    public ChartLintException(string chartDirectory, IReadOnlyList<LintFinding> findings)
        : base($"Chart '{chartDirectory}' has lint errors:\n  {string.Join("\n  ", findings)}")
    {
        Findings = findings;
    }

    /// <summary>Every finding, errors and warnings.</summary>
    public IReadOnlyList<LintFinding> Findings { get; }
}
