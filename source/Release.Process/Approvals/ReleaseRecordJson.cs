using System.Text.Json;
using System.Text.Json.Serialization;

namespace Release.Process.Approvals;

/// <summary>
/// Deterministic JSON for <see cref="ReleaseRecord"/>: camelCase, fixed property order, events in record order,
/// enums as names, "\n" line endings, so the same record always gives the same bytes (diffable in git).
/// </summary>
public static class ReleaseRecordJson
{
    /// <summary>The document format version written into every file.</summary>
    public const int SchemaVersion = 1;

    // Made read-only below so the shared options can never be changed after start-up.
    private static readonly JsonSerializerOptions Options = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NewLine = "\n",
        AllowOutOfOrderMetadataProperties = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
        };
        options.MakeReadOnly();
        return options;
    }

    private sealed record Document(int SchemaVersion, string ReleaseId, IReadOnlyList<ReleaseEvent> Events);

    /// <summary>Writes the record.</summary>
    /// <param name="record">The record.</param>
    public static string Serialize(ReleaseRecord record) =>
        JsonSerializer.Serialize(new Document(SchemaVersion, record.ReleaseId, record.Events), Options) + "\n";

    /// <summary>Reads a record and re-checks it through <see cref="ReleaseRecord.Create"/> and <see cref="ReleaseRecord.Append"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">Where it came from (file path), named in errors.</param>
    /// <exception cref="FormatException">Malformed JSON, wrong schema version, or events that break the record's rules.</exception>
    public static ReleaseRecord Deserialize(string json, string source)
    {
        Document? document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(json, Options);
        }
        catch (JsonException e)
        {
            throw new FormatException(
                $"Release record {source} is not valid: {e.Message} (at {e.Path ?? "document"}). Restore it from git history.",
                e);
        }
        if (document is null)
            throw new FormatException($"Release record {source} is empty (null).");
        if (document.SchemaVersion != SchemaVersion)
            throw new FormatException($"Release record {source} has schemaVersion {document.SchemaVersion}; this library reads {SchemaVersion}.");
        if (document.Events.Count == 0 || document.Events[0] is not ReleaseCreated created)
            throw new FormatException($"Release record {source} for release {document.ReleaseId} must start with a 'created' event.");
        try
        {
            return document.Events.Skip(1).Aggregate(ReleaseRecord.Create(document.ReleaseId, created), (r, e) => r.Append(e));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            throw new FormatException($"Release record {source}: {e.Message}", e);
        }
    }

    internal static string SerializeEvent(ReleaseEvent @event) => JsonSerializer.Serialize(@event, Options);
}
