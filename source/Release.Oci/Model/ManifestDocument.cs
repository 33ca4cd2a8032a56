using System.Text.Json;
using System.Text.Json.Serialization;

namespace Release.Oci;

/// <summary>
/// The fields of an image manifest or an index that this library needs; one shape serves both
/// (an image manifest has <see cref="Config"/> and <see cref="Layers"/>, an index has <see cref="Manifests"/>).
/// </summary>
public sealed record ManifestDocument
{
    /// <summary>Always 2 for the formats this library handles.</summary>
    [JsonPropertyName("schemaVersion")]
    public int SchemaVersion { get; init; } = 2;

    /// <summary>The manifest media type, when the document states it.</summary>
    [JsonPropertyName("mediaType")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? MediaType { get; init; }

    /// <summary>The artifact type of an OCI 1.1 artifact manifest, when given.</summary>
    [JsonPropertyName("artifactType")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ArtifactType { get; init; }

    /// <summary>The configuration blob of an image manifest.</summary>
    [JsonPropertyName("config")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public OciDescriptor? Config { get; init; }

    /// <summary>The layer blobs of an image manifest, in order.</summary>
    [JsonPropertyName("layers")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<OciDescriptor>? Layers { get; init; }

    /// <summary>The child manifests of an index.</summary>
    [JsonPropertyName("manifests")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<OciDescriptor>? Manifests { get; init; }

    /// <summary>Manifest-level annotations.</summary>
    [JsonPropertyName("annotations")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? Annotations { get; init; }

    /// <summary>The blobs (config first, then layers) an image manifest needs; empty for an index.</summary>
    public IEnumerable<OciDescriptor> Blobs()
    {
        if (Config is not null)
        {
            yield return Config;
        }

        foreach (var layer in Layers ?? [])
        {
            yield return layer;
        }
    }

    /// <summary>Serialises this document to compact UTF-8 JSON (the bytes a new manifest is pushed with).</summary>
    public byte[] ToJsonBytes() => JsonSerializer.SerializeToUtf8Bytes(this);
}
