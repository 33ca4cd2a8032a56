using System.Text.Json.Serialization;
using Release.Foundation.Oci;

namespace Release.Oci;

/// <summary>
/// An OCI content descriptor: what a manifest or index says about a blob it points to.
/// </summary>
/// <param name="MediaType">The media type of the referenced content.</param>
/// <param name="Digest">The digest of the referenced content, as text (<c>sha256:…</c>).</param>
/// <param name="Size">The exact size of the referenced content in bytes.</param>
public sealed record OciDescriptor(
    [property: JsonPropertyName("mediaType")] string MediaType,
    [property: JsonPropertyName("digest")] string Digest,
    [property: JsonPropertyName("size")] long Size)
{
    /// <summary>Optional annotations, e.g. <c>org.opencontainers.image.ref.name</c> in a layout's index.json.</summary>
    [JsonPropertyName("annotations")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? Annotations { get; init; }

    /// <summary>Optional platform of an index entry (kept as given).</summary>
    [JsonPropertyName("platform")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public OciPlatform? Platform { get; init; }

    /// <summary>The parsed digest; throws a <see cref="FormatException"/> when the descriptor holds an invalid one.</summary>
    [JsonIgnore]
    public OciDigest ParsedDigest => OciDigest.Parse(Digest);
}

/// <summary>The platform an index entry is built for (the .NET SDK writes an empty one: both fields may be null then).</summary>
/// <param name="Architecture">CPU architecture, e.g. <c>amd64</c>.</param>
/// <param name="Os">Operating system, e.g. <c>linux</c>.</param>
public sealed record OciPlatform(
    [property: JsonPropertyName("architecture"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string Architecture,
    [property: JsonPropertyName("os"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string Os)
{
    /// <summary>Optional CPU variant, e.g. <c>v8</c>.</summary>
    [JsonPropertyName("variant")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Variant { get; init; }
}
