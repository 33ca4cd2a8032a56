using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Release.Environments.Drift;

/// <summary>The drift report: a table for people and JSON for tools, in a stable order.</summary>
public sealed record DriftReport(IReadOnlyList<string> KindsChecked, IReadOnlyList<string> Environments, IReadOnlyList<DriftFinding> Findings)
{
    private static readonly JsonSerializerOptions Json = new() {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    /// <summary>True when nothing drifted.</summary>
    public bool Clean => Findings.Count == 0;

    /// <summary>The report as JSON (findings sorted by environment, module, field).</summary>
    public string ToJson() => JsonSerializer.Serialize(new
    {
        kindsChecked = KindsChecked,
        environments = Environments,
        clean = Clean,
        findings = Sorted(),
    }, Json) + "\n";

    /// <summary>The report as a plain-text table.</summary>
    public string ToTable()
    {
        var header = new[] { "kind", "environment", "module", "field", "expected", "found", "repair" };
        var rows = Sorted().Select(f => new[] { f.Kind, f.Environment, f.Module, f.Field, f.Expected, f.Found, f.Repair }).ToList();
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows.Prepend(header))
            text.AppendLine(string.Join(" | ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        return text.ToString();
    }

    private IEnumerable<DriftFinding> Sorted() => Findings
        .OrderBy(f => f.Environment, StringComparer.Ordinal).ThenBy(f => f.Module, StringComparer
            .Ordinal).ThenBy(f => f.Field, StringComparer.Ordinal);
}
