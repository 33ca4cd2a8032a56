using Release.Foundation.IO;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Release.Scanning.Io;
using Release.Scanning.Model;
using Release.Scanning.Policy;

namespace Release.Scanning.Reports;

/// <summary>
/// Writes a scan outcome as SARIF 2.1.0: one rule per advisory, one result per affected component (level error when
/// it blocks, warning for Medium and above, note below), allowlisted findings as externally suppressed results, and
/// sources without advisory data as tool execution notifications.
/// </summary>
public static class SarifReportWriter
{
    /// <summary>Renders the SARIF log text.</summary>
    /// <param name="outcome">The evaluated scan.</param>
    /// <param name="context">What was scanned.</param>
    public static string Write(ScanOutcome outcome, ScanReportContext context)
    {
        var rules = outcome.Findings.Select(f => f.Finding.Advisory)
            .GroupBy(a => a.Id, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(a => a.Severity).First())
            .OrderBy(a => a.Id, StringComparer.Ordinal)
            .ToList();
        var ruleIndex = rules.Select((rule, index) => (rule.Id, index)).ToDictionary(p => p.Id, p => p.index, StringComparer.Ordinal);

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(json, rules);
            WriteInvocation(json, outcome);
            json.WriteStartArray("results");
            foreach (var finding in outcome.Findings)
            {
                WriteResult(json, finding, ruleIndex[finding.Finding.Advisory.Id], context);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Renders and writes the SARIF log atomically.</summary>
    /// <param name="outcome">The evaluated scan.</param>
    /// <param name="context">What was scanned.</param>
    /// <param name="path">Destination, e.g. <c>artifacts/scan.sarif</c>.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    public static Task WriteFileAsync(ScanOutcome outcome, ScanReportContext context, string path, CancellationToken cancellationToken) =>
        AtomicFile.WriteTextAsync(path, Write(outcome, context), cancellationToken);

    private static void WriteTool(Utf8JsonWriter json, IReadOnlyList<Advisory> rules)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", ReportingTool.Name);
        json.WriteString("version", ReportingTool.Version);
        json.WriteString("informationUri", ReportingTool.InformationUri);
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteStartObject("shortDescription");
            json.WriteString("text", rule.Summary.Length > 0 ? rule.Summary : $"Security advisory {rule.Id}");
            json.WriteEndObject();
            if (rule.Url is not null)
            {
                json.WriteString("helpUri", rule.Url);
            }

            json.WriteStartObject("properties");
            json.WriteString("security-severity", SeverityScores.SecuritySeverity(rule.Severity));
            json.WriteStartArray("tags");
            json.WriteStringValue("security");
            json.WriteStringValue("vulnerability");
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteInvocation(Utf8JsonWriter json, ScanOutcome outcome)
    {
        json.WriteStartArray("invocations");
        json.WriteStartObject();
        // The scan ran; whether the gate passed is in the results and properties, not in executionSuccessful.
        json.WriteBoolean("executionSuccessful", true);
        json.WriteString("startTimeUtc", outcome.StartedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        json.WriteString("endTimeUtc", outcome.FinishedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        json.WriteStartArray("toolExecutionNotifications");
        foreach (var source in outcome.SourcesWithoutData)
        {
            json.WriteStartObject();
            json.WriteString("level", outcome.Policy.AcceptMissingAdvisoryData ? "warning" : "error");
            json.WriteStartObject("message");
            json.WriteString("text", $"{source.SourceName} gave no advisory data: {source.NoDataReason}");
            json.WriteEndObject();
            json.WriteEndObject();
        }

        foreach (var age in outcome.StaleData)
        {
            json.WriteStartObject();
            json.WriteString("level", "warning");
            json.WriteStartObject("message");
            json.WriteString("text", age.Warning());
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("properties");
        json.WriteString("verdict", outcome.Verdict.ToString());
        json.WriteString("verdictText", outcome.VerdictText);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WriteResult(Utf8JsonWriter json, EvaluatedFinding evaluated, int ruleIndex, ScanReportContext context)
    {
        var finding = evaluated.Finding;
        json.WriteStartObject();
        json.WriteString("ruleId", finding.Advisory.Id);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", evaluated.Blocks ? "error" : finding.Advisory.Severity >= Severity.Medium ? "warning" : "note");
        json.WriteStartObject("message");
        json.WriteString("text",
            $"{finding.Component.Name} {finding.Component.Version} is affected by {finding.Advisory.Id} ({finding.Advisory.Severity})" +
            (finding.FixedVersion is null ? "." : $"; fixed in {finding.FixedVersion}."));
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        // A file location only where the package's place in the manifest is known (SARIF2017 asks for a region).
        if (context is { ArtifactUri: { } uri, ArtifactText: { } text }
            && ArtifactRegion.Find(text, finding.Component.Name, finding.Component.Version) is { } region)
        {
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            json.WriteString("uri", uri);
            json.WriteEndObject();
            json.WriteStartObject("region");
            json.WriteNumber("startLine", region.StartLine);
            json.WriteNumber("startColumn", region.StartColumn);
            json.WriteNumber("endLine", region.StartLine);
            json.WriteNumber("endColumn", region.EndColumn);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteStartArray("logicalLocations");
        json.WriteStartObject();
        json.WriteString("fullyQualifiedName", finding.Component.Purl);
        json.WriteString("kind", "package");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        if (evaluated.AllowedBy is { } entry)
        {
            json.WriteStartArray("suppressions");
            json.WriteStartObject();
            json.WriteString("kind", "external");
            json.WriteString("justification", $"{entry.Reason} (allowlisted until {entry.Expires:yyyy-MM-dd})");
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteStartObject("properties");
        json.WriteString("purl", finding.Component.Purl);
        json.WriteString("severity", finding.Advisory.Severity.ToString());
        json.WriteString("source", finding.SourceName);
        json.WriteString("affectedVersions", finding.AffectedVersions);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
