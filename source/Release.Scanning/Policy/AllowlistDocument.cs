using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Release.Scanning.Policy;

/// <summary>
/// Turns a JSON or YAML allowlist file into raw entries (field name -> text), so that one validator serves both
/// formats. Accepted shapes: <c>{"entries": [ ... ]}</c> or a bare list of entries.
/// </summary>
internal static class AllowlistDocument
{
    /// <summary>A raw entry: its fields and, for YAML, its line number.</summary>
    public sealed record RawEntry(IReadOnlyDictionary<string, string?> Fields, int? Line);

    public static IReadOnlyList<RawEntry> Parse(string text, string file)
    {
        var extension = Path.GetExtension(file).ToLowerInvariant();
        return extension switch
        {
            ".json" => ParseJson(text, file),
            ".yaml" or ".yml" => ParseYaml(text, file),
            _ => throw new AllowlistException(file, null,
                $"{file}: unknown allowlist format '{extension}'. Name the file *.json, *.yaml or *.yml."),
        };
    }

    private static IReadOnlyList<RawEntry> ParseJson(string text, string file)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new AllowlistException(file, null, $"{file}, line {e.LineNumber + 1}: not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            var list = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("entries", out var entries) ? entries : root;
            if (list.ValueKind != JsonValueKind.Array)
            {
                throw new AllowlistException(file, null, $"{file}: expected {{\"entries\": [ ... ]}} or a list of entries. {Example}");
            }

            var result = new List<RawEntry>();
            var index = 0;
            foreach (var item in list.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object)
                {
                    throw new AllowlistException(file, index, $"{file}: entries[{index}] is not an object. {Example}");
                }

                result.Add(new RawEntry(
                    item.EnumerateObject()
                        .ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText()),
                    null));
                index++;
            }

            return result;
        }
    }

    private static IReadOnlyList<RawEntry> ParseYaml(string text, string file)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new AllowlistException(file, null, $"{file}, line {e.Start.Line}: not valid YAML: {e.Message}", e);
        }

        if (stream.Documents.Count == 0)
        {
            return [];
        }

        var root = stream.Documents[0].RootNode;
        var list = root is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode("entries"), out var entries) ? entries : root;
        if (list is not YamlSequenceNode sequence)
        {
            throw new AllowlistException(file, null, $"{file}: expected 'entries:' with a list of entries, or a bare list. {Example}");
        }

        var result = new List<RawEntry>();
        var index = 0;
        foreach (var item in sequence.Children)
        {
            if (item is not YamlMappingNode fields)
            {
                throw new AllowlistException(file, index, $"{file}, line {item.Start.Line}: entries[{index}] is not a mapping. {Example}");
            }

            result.Add(new RawEntry(
                fields.Children.ToDictionary(p => (p.Key as YamlScalarNode)?.Value ?? p.Key.ToString(), p => (p.Value as YamlScalarNode)?.Value),
                (int)item.Start.Line));
            index++;
        }

        return result;
    }

    /// <summary>What a valid entry looks like, appended to format errors.</summary>
    public const string Example =
        "Each entry needs 'id', 'reason' and 'expires' (YYYY-MM-DD), optionally 'package', e.g. " +
        "{\"id\": \"GHSA-5crp-9r3c-p9vr\", \"reason\": \"not reachable from our code\", \"expires\": \"2027-01-31\"}.";
}
