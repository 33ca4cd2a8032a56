using System.Text.Json;
using System.Text.Json.Serialization;

namespace Release.Oci;

/// <summary>Writes an <see cref="OciReference"/> as its text and parses it back; a bad value in a record fails the read, naming it.</summary>
public sealed class OciReferenceJsonConverter : JsonConverter<OciReference>
{
    /// <inheritdoc />
    public override OciReference Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString() ?? throw new JsonException("An OCI reference is null.");
        if (!OciReference.TryParse(text, out var reference, out var problem))
            throw new JsonException($"'{text}' is not an OCI reference: {problem}.");
        return reference!;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, OciReference value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
