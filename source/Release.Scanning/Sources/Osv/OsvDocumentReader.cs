using System.Text.Json;
using Release.Scanning.Model;

namespace Release.Scanning.Sources.Osv;

/// <summary>Reads OSV-schema JSON documents (https://ossf.github.io/osv-schema/).</summary>
public static class OsvDocumentReader
{
    /// <summary>Parses one OSV document; returns null for withdrawn advisories.</summary>
    /// <param name="json">The document text.</param>
    /// <param name="file">The file it came from, named in errors.</param>
    /// <exception cref="InvalidDataException">The document is not valid OSV; the message names file and field.</exception>
    public static OsvAdvisory? Parse(string json, string file)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{file}: not valid JSON (line {e.LineNumber + 1}): {e.Message} Fix or remove the file.", e);
        }

        using (document)
        {
            var root = document.RootElement;
            var id = root.ValueKind == JsonValueKind.Object ? String(root, "id") : null;
            if (string.IsNullOrWhiteSpace(id))
            {
                throw new InvalidDataException($"{file}: no 'id'. Every OSV document needs an 'id' (e.g. \"GHSA-5crp-9r3c-p9vr\").");
            }

            if (root.TryGetProperty("withdrawn", out var withdrawn) && withdrawn.ValueKind == JsonValueKind.String)
            {
                return null;
            }

            var aliases = Strings(root, "aliases");
            var summary = String(root, "summary") ?? FirstLine(String(root, "details")) ?? string.Empty;
            var severity = SeverityOf(root) ?? Severity.Unknown;
            var url = FirstReference(root);
            var affected = new List<OsvAffectedPackage>();
            if (root.TryGetProperty("affected", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var item in list.EnumerateArray())
                {
                    affected.Add(ReadAffected(item, $"{file}: affected[{index++}]"));
                }
            }

            return new OsvAdvisory(file, new Advisory(id, aliases, summary, severity, url), affected);
        }
    }

    private static OsvAffectedPackage ReadAffected(JsonElement item, string place)
    {
        if (!item.TryGetProperty("package", out var package)
            || String(package, "ecosystem") is not { Length: > 0 } ecosystem
            || String(package, "name") is not { Length: > 0 } name)
        {
            throw new InvalidDataException(
                $"{place}: needs 'package' with 'ecosystem' and 'name' (e.g. {{\"ecosystem\": \"NuGet\", \"name\": \"Newtonsoft.Json\"}}).");
        }

        var ranges = new List<OsvRange>();
        if (item.TryGetProperty("ranges", out var rangeList) && rangeList.ValueKind == JsonValueKind.Array)
        {
            var r = 0;
            foreach (var range in rangeList.EnumerateArray())
            {
                var type = String(range, "type") ?? throw new InvalidDataException($"{place}.ranges[{r}]: needs 'type' (ECOSYSTEM, SEMVER or GIT).");
                var events = new List<(string, string)>();
                if (range.TryGetProperty("events", out var eventList) && eventList.ValueKind == JsonValueKind.Array)
                {
                    foreach (var e in eventList.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object))
                    {
                        events.AddRange(e.EnumerateObject()
                            .Where(p => p.Value.ValueKind == JsonValueKind.String)
                            .Select(p => (p.Name, p.Value.GetString()!)));
                    }
                }

                ranges.Add(new OsvRange(type, events));
                r++;
            }
        }

        return new OsvAffectedPackage(ecosystem, name, ranges, Strings(item, "versions"), SeverityOf(item));
    }

    // GitHub's OSV export and others put a textual severity in database_specific; some use ecosystem_specific.
    private static Severity? SeverityOf(JsonElement element)
    {
        foreach (var holder in new[] { "database_specific", "ecosystem_specific" })
        {
            if (element.TryGetProperty(holder, out var specific) && specific.ValueKind == JsonValueKind.Object
                && String(specific, "severity") is { } text)
            {
                return SeverityNames.ParseLenient(text);
            }
        }

        return element.TryGetProperty("severity", out var scores) ? CvssSeverity.FromOsvSeverityArray(scores) : null;
    }

    private static string? FirstReference(JsonElement root) =>
        root.TryGetProperty("references", out var references) && references.ValueKind == JsonValueKind.Array
            ? references.EnumerateArray().Select(r => String(r, "url")).FirstOrDefault(u => u is not null)
            : null;

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static IReadOnlyList<string> Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList()
            : [];

    private static string? FirstLine(string? text) => text?.Split('\n', 2)[0].Trim() is { Length: > 0 } line ? line : null;
}
