using Release.Foundation.IO;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Release.Scanning.Io;
using Release.Scanning.Policy;

namespace Release.Scanning.Reports;

/// <summary>
/// Writes a scan outcome as a GitLab container-scanning report (security report schema 15.0.x), the file a job
/// publishes as <c>artifacts:reports:container_scanning</c>. Vulnerability ids are derived from advisory and package
/// so they stay the same between pipelines. Sources without advisory data appear as scan messages; when that gap is
/// not accepted by policy the scan status is "failure". Advisory data older than allowed is a "warn" message.
/// </summary>
public static class GitLabContainerScanningReportWriter
{
    /// <summary>The schema version written into <c>version</c>.</summary>
    public const string SchemaVersion = "15.0.7";

    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss";

    /// <summary>Renders the report text.</summary>
    /// <param name="outcome">The evaluated scan.</param>
    /// <param name="context">What was scanned; image and operating system are required by the schema.</param>
    public static string Write(ScanOutcome outcome, ScanReportContext context)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("version", SchemaVersion);
            json.WriteStartArray("vulnerabilities");
            foreach (var evaluated in outcome.Findings)
            {
                WriteVulnerability(json, evaluated, context);
            }

            json.WriteEndArray();
            WriteScan(json, outcome);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Renders and writes the report atomically.</summary>
    /// <param name="outcome">The evaluated scan.</param>
    /// <param name="context">What was scanned.</param>
    /// <param name="path">Destination, e.g. <c>gl-container-scanning-report.json</c>.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    public static Task WriteFileAsync(ScanOutcome outcome, ScanReportContext context, string path, CancellationToken cancellationToken) =>
        AtomicFile.WriteTextAsync(path, Write(outcome, context), cancellationToken);

    private static void WriteVulnerability(Utf8JsonWriter json, EvaluatedFinding evaluated, ScanReportContext context)
    {
        var finding = evaluated.Finding;
        var advisory = finding.Advisory;
        json.WriteStartObject();
        json.WriteString("id", DeterministicUuid.Create($"{context.ImageOrDefault}|{finding.Component.Purl}|{advisory.Id}"));
        json.WriteString("name", $"{advisory.Id} in {finding.Component.Name}");
        var description = advisory.Summary.Length > 0
            ? advisory.Summary
            : $"{finding.Component.Name} {finding.Component.Version} is affected by {advisory.Id}.";
        if (evaluated.AllowedBy is { } entry)
        {
            description += $" Allowlisted until {entry.Expires:yyyy-MM-dd}: {entry.Reason}";
        }

        json.WriteString("description", description);
        json.WriteString("severity", SeverityScores.GitLab(advisory.Severity));
        json.WriteString("solution", finding.FixedVersion is null
            ? "No fixed version is known; check the advisory."
            : $"Upgrade {finding.Component.Name} to {finding.FixedVersion} or later.");
        json.WriteStartArray("identifiers");
        foreach (var id in advisory.AllIds.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            json.WriteStartObject();
            json.WriteString("type", SeverityScores.IdentifierType(id));
            json.WriteString("name", id);
            json.WriteString("value", id);
            if (id == advisory.Id && advisory.Url is not null)
            {
                json.WriteString("url", advisory.Url);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (advisory.Url is not null)
        {
            json.WriteStartArray("links");
            json.WriteStartObject();
            json.WriteString("url", advisory.Url);
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteStartObject("location");
        json.WriteStartObject("dependency");
        json.WriteStartObject("package");
        json.WriteString("name", finding.Component.Name);
        json.WriteEndObject();
        json.WriteString("version", finding.Component.Version);
        json.WriteEndObject();
        json.WriteString("operating_system", context.OperatingSystemOrDefault);
        json.WriteString("image", context.ImageOrDefault);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteScan(Utf8JsonWriter json, ScanOutcome outcome)
    {
        json.WriteStartObject("scan");
        WriteTool(json, "analyzer");
        WriteTool(json, "scanner");
        json.WriteString("type", "container_scanning");
        json.WriteString("start_time", outcome.StartedAt.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture));
        json.WriteString("end_time", outcome.FinishedAt.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture));
        var unacceptedGap = outcome.SourcesWithoutData.Any() && !outcome.Policy.AcceptMissingAdvisoryData;
        json.WriteString("status", unacceptedGap || outcome.Sources.Count == 0 ? "failure" : "success");
        json.WriteStartArray("messages");
        foreach (var source in outcome.SourcesWithoutData)
        {
            json.WriteStartObject();
            json.WriteString("level", unacceptedGap ? "fatal" : "warn");
            json.WriteString("value", $"{source.SourceName} gave no advisory data: {source.NoDataReason}");
            json.WriteEndObject();
        }

        // Stale data does not fail the scan, but "no vulnerabilities" against it must not read as a clean bill.
        foreach (var age in outcome.StaleData)
        {
            json.WriteStartObject();
            json.WriteString("level", "warn");
            json.WriteString("value", age.Warning());
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteTool(Utf8JsonWriter json, string property)
    {
        json.WriteStartObject(property);
        json.WriteString("id", "release-scanning");
        json.WriteString("name", ReportingTool.Name);
        json.WriteString("version", ReportingTool.Version);
        json.WriteStartObject("vendor");
        json.WriteString("name", ReportingTool.Vendor);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
