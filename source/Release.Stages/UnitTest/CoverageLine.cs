using System.Globalization;

namespace Release.Stages.UnitTest;

/// <summary>
/// The log line that carries the total line coverage for a CI system to read from the job log, e.g. GitLab's
/// <c>coverage:</c> keyword with <see cref="GitLabRegex"/>. The wording is a contract with the generated CI files.
/// </summary>
public static class CoverageLine
{
    /// <summary>A regular expression (GitLab <c>coverage:</c> syntax, slashes included) matching <see cref="Format"/>'s line.</summary>
    public const string GitLabRegex = @"/Line coverage: \d+(?:\.\d+)?%/";

    /// <summary><c>Line coverage: 83.4%</c>: the percentage with at most two decimals, invariant culture.</summary>
    public static string Format(double linePercent) =>
        $"Line coverage: {linePercent.ToString("0.##", CultureInfo.InvariantCulture)}%";
}
