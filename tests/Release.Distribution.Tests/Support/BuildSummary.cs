namespace Release.Distribution.Tests.Support;

/// <summary>
/// The end-of-build table a build prints (<c>| Target | Status | Duration | Details |</c>), read from its output.
/// A long Details cell wraps onto rows whose Target cell is empty: those are joined back to the row they continue.
/// </summary>
internal sealed class BuildSummary
{
    private readonly Dictionary<string, (string Status, string Details)> rows = new(StringComparer.Ordinal);
    private readonly string output;

    private BuildSummary(string output) => this.output = output;

    /// <summary>Reads the last summary table in <paramref name="output"/>.</summary>
    public static BuildSummary Parse(string output)
    {
        var summary = new BuildSummary(output);
        var header = output.LastIndexOf("| Target", StringComparison.Ordinal);
        if (header < 0) return summary;
        string? current = null;
        foreach (var line in output[header..].Split('\n').Skip(1))
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            if (cells.Length < 6) continue; // the table's border lines
            if (cells[1].Length > 0)
            {
                current = cells[1];
                summary.rows[current] = (cells[2], cells[4]);
            }
            else if (current is not null)
            {
                var (status, details) = summary.rows[current];
                summary.rows[current] = (status, details + " " + cells[4]);
            }
        }
        return summary;
    }

    /// <summary>The target's status, e.g. "Succeeded"; fails the test with the whole output when it has no row.</summary>
    public string StatusOf(string target) => Row(target).Status;

    /// <summary>The target's Details cell: skip reason and key figures (<c>key: value; ...</c>).</summary>
    public string DetailsOf(string target) => Row(target).Details;

    private (string Status, string Details) Row(string target) =>
        rows.TryGetValue(target, out var row) ? row : throw new AssertionException($"No summary row for {target} in:\n{output}");
}
