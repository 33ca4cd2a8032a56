using System.Text.Json;
using Release.Engine.Startup;

namespace Release.Engine.Parameters;

/// <summary>A parsed <c>.nuke/parameters*.json</c> file: member names to values.</summary>
public sealed class ParameterFile
{
    private ParameterFile(string displayPath, IReadOnlyDictionary<string, IReadOnlyList<string>?> values)
    {
        DisplayPath = displayPath;
        Values = values;
    }

    /// <summary>The file as named in messages (relative to the root).</summary>
    public string DisplayPath { get; }

    /// <summary>Key to values; a JSON null is a present key with no value.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>?> Values { get; }

    /// <summary>Reads a file; malformed JSON is reported with line and column.</summary>
    public static async Task<ParameterFile> ReadAsync(string path, string displayPath, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        return new ParameterFile(displayPath, Parse(bytes, displayPath));
    }

    /// <summary><see cref="ReadAsync"/>, reading synchronously (see <see cref="ParameterFiles.Read"/>).</summary>
    internal static ParameterFile Read(string path, string displayPath) => new(displayPath, Parse(File.ReadAllBytes(path), displayPath));

    private static Dictionary<string, IReadOnlyList<string>?> Parse(byte[] bytes, string displayPath)
    {
        if (FlatJsonReader.TryRead(bytes) is not { } entries) return ParseWithSystemTextJson(bytes, displayPath);
        var values = new Dictionary<string, IReadOnlyList<string>?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in entries)
            if (!key.StartsWith('$')) values[key] = value;
        return values;
    }

    /// <summary>Every shape the plain reader leaves alone, and every malformed file; kept apart so the plain case never loads
    /// System.Text.Json.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static Dictionary<string, IReadOnlyList<string>?> ParseWithSystemTextJson(byte[] bytes, string displayPath)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new BuildInputException(
                $"{displayPath}: line {(e.LineNumber ?? 0) + 1}, column {(e.BytePositionInLine ?? 0) + 1}: malformed JSON " +
                    $"({FirstSentence(e.Message)}). " +
                "Fix the file so it is one JSON object of parameter names to values.");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new BuildInputException(
                    $"{displayPath}: line 1: expected a JSON object of parameter names to values, found {document.RootElement.ValueKind}.");
            var values = new Dictionary<string, IReadOnlyList<string>?>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name.StartsWith('$')) continue;
                values[property.Name] = ToStrings(property.Value, displayPath, property.Name);
            }
            return values;
        }
    }

    private static IReadOnlyList<string>? ToStrings(JsonElement value, string file, string key) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.Array => value.EnumerateArray().Select(e => Scalar(e, file, key)).ToList(),
        _ => [Scalar(value, file, key)],
    };

    private static string Scalar(JsonElement value, string file, string key) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => throw new BuildInputException($"{file}: \"{key}\" must be a string, number, boolean or array of those, not {value.ValueKind}."),
    };

    private static string FirstSentence(string message) => message.Split(". ")[0].TrimEnd('.');
}
