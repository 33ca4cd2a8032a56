using System.Text.Json;
using Release.Helm.Charts;
using YamlDotNet.RepresentationModel;

namespace Release.Helm.Oci;

/// <summary>
/// Serialises Chart.yaml metadata as the JSON config blob of a Helm OCI artifact. Fields are written in Helm's metadata
/// field order, only those Helm's chart metadata defines (others would be dropped by Helm anyway). Values are strings,
/// except <c>deprecated</c> and a dependency's <c>enabled</c>, which are booleans in Helm's schema. Output is compact
/// UTF-8 with no trailing newline, so the same Chart.yaml always gives the same digest.
/// </summary>
public static class HelmOciConfig
{
    private static readonly string[] FieldOrder =
    [
        "name", "home", "sources", "version", "description", "keywords", "maintainers", "icon", "apiVersion",
        "condition", "tags", "appVersion", "deprecated", "annotations", "kubeVersion", "dependencies", "type",
    ];

    /// <summary>Returns the config JSON bytes for <paramref name="metadata"/>.</summary>
    public static byte[] Serialize(ChartMetadata metadata)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var field in FieldOrder)
            {
                if (!metadata.Document.Children.TryGetValue(new YamlScalarNode(field), out var value)) continue;
                if (value is YamlScalarNode { Value: null or "" }) continue;
                json.WritePropertyName(field);
                WriteValue(json, value, booleanField: field == "deprecated");
            }

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteValue(Utf8JsonWriter json, YamlNode node, bool booleanField)
    {
        switch (node)
        {
            case YamlScalarNode scalar when booleanField && bool.TryParse(scalar.Value, out var flag):
                json.WriteBooleanValue(flag);
                break;
            case YamlScalarNode scalar:
                json.WriteStringValue(scalar.Value ?? "");
                break;
            case YamlSequenceNode sequence:
                json.WriteStartArray();
                foreach (var child in sequence.Children) WriteValue(json, child, false);
                json.WriteEndArray();
                break;
            case YamlMappingNode mapping:
                json.WriteStartObject();
                foreach (var (key, child) in mapping.Children)
                {
                    var name = ((YamlScalarNode)key).Value ?? "";
                    json.WritePropertyName(name);
                    WriteValue(json, child, booleanField: name == "enabled");
                }

                json.WriteEndObject();
                break;
        }
    }
}
