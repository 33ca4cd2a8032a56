using System.Globalization;
using System.Xml.Linq;

namespace Release.Stages.UnitTest;

/// <summary>Line and branch counts of one or more Cobertura reports (the coverlet collector's output).</summary>
public sealed record CoberturaCoverage(long LinesCovered, long LinesValid, long BranchesCovered, long BranchesValid)
{
    /// <summary>Line coverage in percent; 100 when there are no lines to cover.</summary>
    public double LinePercent => Percent(LinesCovered, LinesValid);

    /// <summary>Branch coverage in percent; 100 when there are no branches to cover.</summary>
    public double BranchPercent => Percent(BranchesCovered, BranchesValid);

    /// <summary>Adds the counts of several reports (coverage of several test projects together).</summary>
    public static CoberturaCoverage Sum(IEnumerable<CoberturaCoverage> reports) => reports.Aggregate(new CoberturaCoverage(0, 0, 0, 0),
        (a, b) => new CoberturaCoverage(a.LinesCovered + b.LinesCovered, a.LinesValid + b.LinesValid, a.BranchesCovered + b.BranchesCovered,
            a.BranchesValid + b.BranchesValid));

    /// <summary>Reads the totals from a Cobertura file's root element.</summary>
    /// <exception cref="InvalidDataException">Not a Cobertura report; the message names the file.</exception>
    public static CoberturaCoverage Read(string path)
    {
        var root = XDocument.Load(path).Root;
        if (root?.Name.LocalName != "coverage")
            throw new InvalidDataException($"{path}: not a Cobertura report (no <coverage> root element).");
        long Count(string name) => long.TryParse((string?)root.Attribute(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n : 0;
        return new CoberturaCoverage(Count("lines-covered"), Count("lines-valid"), Count("branches-covered"), Count("branches-valid"));
    }

    private static double Percent(long covered, long valid) => valid == 0 ? 100 : Math.Round(100.0 * covered / valid, 2);
}
