using System.Text.Json;
using System.Text.Json.Nodes;

namespace Release.Engine.Output;

/// <summary>
/// Writes <c>.nuke/build.schema.json</c> so editors complete <c>parameters.json</c>: one property per parameter with its
/// type, and the target names for <c>Target</c> and <c>Skip</c>. Rewritten only when its content changes.
/// </summary>
internal static class SchemaWriter
{
    public static async Task WriteAsync(AbsolutePath root, TargetGraph graph, CancellationToken cancellationToken)
    {
        var directory = root / ".nuke";
        if (!directory.DirectoryExists()) return;
        var text = Render(graph);
        var path = directory / "build.schema.json";
        if (path.FileExists() && await File.ReadAllTextAsync(path, cancellationToken) == text) return;
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, text, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }

    public static string Render(TargetGraph graph)
    {
        var targetNames = new JsonArray(graph.Targets.Select(t => (JsonNode?)JsonValue.Create(t.Name)).ToArray());
        var properties = new JsonObject
        {
            ["$schema"] = new JsonObject { ["type"] = "string" },
            ["Target"] = new JsonObject { ["type"] = "array", ["description"] = "Targets to run", ["items"] = new JsonObject { ["enum"] = targetNames.DeepClone() } },
            ["Skip"] = new JsonObject { ["type"] = "array", ["description"] = "Targets to skip", ["items"] = new JsonObject { ["enum"] = targetNames.DeepClone() } },
        };
        foreach (var parameter in graph.Parameters)
        {
            var node = TypeOf(parameter.Type);
            if (parameter.Description is not null) node["description"] = parameter.Description;
            if (parameter.IsSecret) node["default"] = "Secrets belong in the environment or a CI secret, not in this file";
            properties[parameter.Name] = node;
        }
        var schema = new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["title"] = "Build Schema",
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["properties"] = properties,
        };
        return schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static JsonObject TypeOf(Type type)
    {
        var inner = Nullable.GetUnderlyingType(type) ?? type;
        if (inner.IsArray) return new JsonObject { ["type"] = "array", ["items"] = TypeOf(inner.GetElementType()!) };
        if (inner.IsEnum) return new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(Enum.GetNames(inner).Select(n => (JsonNode?)JsonValue.Create(n)).ToArray()) };
        return Type.GetTypeCode(inner) switch
        {
            TypeCode.Boolean => new JsonObject { ["type"] = "boolean" },
            TypeCode.Int16 or TypeCode.Int32 or TypeCode.Int64 or TypeCode.Byte => new JsonObject { ["type"] = "integer" },
            TypeCode.Double or TypeCode.Single or TypeCode.Decimal => new JsonObject { ["type"] = "number" },
            _ => new JsonObject { ["type"] = "string" },
        };
    }
}
