using System.Globalization;
using System.Text.RegularExpressions;

namespace Release.Tooling.DotNet;

/// <summary>Reads errors and warnings out of MSBuild console output (the classic logger's canonical format).</summary>
public static partial class DotNetDiagnosticParser
{
    /// <summary>
    /// Returns the distinct diagnostics in <paramref name="lines"/>, in order of first appearance.
    /// MSBuild prints each one twice (as it happens and in the summary); duplicates are dropped.
    /// </summary>
    public static IReadOnlyList<DotNetDiagnostic> Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var found = new List<DotNetDiagnostic>();
        var seen = new HashSet<DotNetDiagnostic>();
        foreach (var line in lines)
        {
            var match = Canonical().Match(line);
            if (!match.Success)
            {
                continue;
            }
            var diagnostic = new DotNetDiagnostic(
                match.Groups["file"].Value.Trim(),
                ParseNumber(match.Groups["line"]),
                ParseNumber(match.Groups["column"]),
                match.Groups["severity"].Value == "error" ? DotNetDiagnosticSeverity.Error : DotNetDiagnosticSeverity.Warning,
                match.Groups["code"].Value,
                match.Groups["message"].Value.Trim(),
                match.Groups["project"].Success ? match.Groups["project"].Value : null);
            if (seen.Add(diagnostic))
            {
                found.Add(diagnostic);
            }
        }
        return found;
    }

    private static int? ParseNumber(Group group) =>
        group.Success ? int.Parse(group.Value, CultureInfo.InvariantCulture) : null;

    // ORIGIN[(LINE[,COL[,ENDLINE,ENDCOL]])]: (error|warning) CODE: MESSAGE [PROJECT]
    [GeneratedRegex(
        @"^\s*(?<file>[^\s:(][^:(]*?|[A-Za-z]:\\[^:(]*?)(?:\((?<line>\d+)(?:,(?<column>\d+))?(?:,\d+,\d+)?\))?" +
        @"\s*:\s*(?<severity>error|warning)\s+(?<code>[A-Za-z]+\d+)\s*:\s*(?<message>.*?)(?:\s+\[(?<project>[^\]]+)\])?\s*$")]
    private static partial Regex Canonical();
}
