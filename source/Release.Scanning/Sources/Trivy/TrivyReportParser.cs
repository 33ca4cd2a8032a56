using System.Text.Json;
using Release.Scanning.Model;

namespace Release.Scanning.Sources.Trivy;

/// <summary>
/// Reads Trivy's JSON report (<c>trivy ... --format json</c>): <c>Results[]</c> with <c>Target</c>, <c>Type</c> and
/// <c>Vulnerabilities[]</c> (VulnerabilityID, PkgName, InstalledVersion, FixedVersion, Severity, Title, PrimaryURL).
/// </summary>
public static class TrivyReportParser
{
    /// <summary>Turns a Trivy JSON report into findings.</summary>
    /// <param name="json">The report text.</param>
    /// <param name="place">Where it came from (file, or "trivy output"), named in errors.</param>
    /// <param name="sourceName">Source name recorded on each finding.</param>
    /// <exception cref="InvalidDataException">Not a Trivy JSON report, or a vulnerability lacks a required field.</exception>
    public static IReadOnlyList<Finding> Parse(string json, string place, string sourceName)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{place}: not valid JSON (line {e.LineNumber + 1}): {e.Message} Run trivy with '--format json'.", e);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("Results", out var results))
            {
                // Trivy omits Results when the target has nothing it can analyse; that is a report with no packages.
                return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("SchemaVersion", out _)
                    ? []
                    : throw new InvalidDataException(
                        $"{place}: no 'SchemaVersion'/'Results'; this is not a Trivy JSON report. Run trivy with '--format json'.");
            }

            var findings = new List<Finding>();
            var r = 0;
            foreach (var result in results.EnumerateArray())
            {
                var ecosystem = MapType(Text(result, "Type"));
                if (result.TryGetProperty("Vulnerabilities", out var vulnerabilities) && vulnerabilities.ValueKind == JsonValueKind.Array)
                {
                    var v = 0;
                    foreach (var vulnerability in vulnerabilities.EnumerateArray())
                    {
                        findings.Add(ReadFinding(vulnerability, ecosystem, $"{place}: Results[{r}].Vulnerabilities[{v++}]", sourceName));
                    }
                }

                r++;
            }

            return findings;
        }
    }

    private static Finding ReadFinding(JsonElement vulnerability, ComponentEcosystem ecosystem, string place, string sourceName)
    {
        var id = Text(vulnerability, "VulnerabilityID");
        var name = Text(vulnerability, "PkgName");
        var version = Text(vulnerability, "InstalledVersion");
        if (id is null || name is null || version is null)
        {
            throw new InvalidDataException(
                $"{place}: needs 'VulnerabilityID', 'PkgName' and 'InstalledVersion'. The report is incomplete; run trivy again.");
        }

        var severity = SeverityNames.ParseLenient(Text(vulnerability, "Severity"));
        var advisory = new Advisory(id, [], Text(vulnerability, "Title") ?? string.Empty, severity, Text(vulnerability, "PrimaryURL"));
        var component = new SoftwareComponent(ecosystem, name, version);
        var fixedVersion = Text(vulnerability, "FixedVersion") is { Length: > 0 } f ? f : null;
        return new Finding(advisory, component, sourceName, $"installed {version}", fixedVersion);
    }

    private static ComponentEcosystem MapType(string? type) => type switch
    {
        "debian" or "ubuntu" => ComponentEcosystem.Debian,
        "nuget" or "dotnet-core" or "dotnet-deps" or "packages-props" => ComponentEcosystem.NuGet,
        _ => ComponentEcosystem.Other,
    };

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
