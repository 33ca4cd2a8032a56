using Release.Engine.Parameters;
using Release.Engine.Startup;

namespace Release.Engine.Output;

/// <summary>
/// What <c>.nuke/build.schema.json</c> says, so editors complete <c>parameters.json</c>: one property per parameter with
/// its type and its constraints (<c>minimum</c>, <c>maximum</c>, <c>enum</c>, <c>pattern</c>...), and the target names
/// for <c>Target</c> and <c>Skip</c>. <see cref="SchemaFile"/> writes it.
/// </summary>
/// <remarks>
/// The text comes from <see cref="IndentedJson"/>, not System.Text.Json, whose first use costs more than the rest of
/// <c>--help</c> (see Startup/README.md). It is what <c>JsonNode.ToJsonString</c> with <c>WriteIndented</c> and the
/// default encoder gives; a test holds the two to the same text.
/// </remarks>
internal static class BuildSchema
{
    /// <summary>
    /// The parameters' part of the schema, rendered from their declarations alone, so it can be worked out before the
    /// targets are known (see <see cref="BuildTypeModel"/>).
    /// </summary>
    public sealed class ParameterSection
    {
        internal ParameterSection(IReadOnlyList<ParameterDescriptor> parameters)
        {
            Parameters = parameters;
            Nodes = parameters.Select(p => (object?)new RawJson(IndentedJson.Write(ParameterNode(p), depth: 2))).ToList();
        }

        internal IReadOnlyList<ParameterDescriptor> Parameters { get; }
        internal IReadOnlyList<object?> Nodes { get; }
    }

    /// <summary>The schema's text; <paramref name="parameters"/>, when rendered ahead for the same parameters, is reused.</summary>
    public static string Render(TargetGraph graph, ParameterSection? parameters = null)
    {
        var targetNames = graph.Targets.Select(t => (object?)t.Name).ToList();
        var properties = new OrderedJsonObject
        {
            ["$schema"] = new OrderedJsonObject { ["type"] = "string" },
            ["Target"] = new OrderedJsonObject
            {
                ["type"] = "array", ["description"] = "Targets to run", ["items"] = new OrderedJsonObject { ["enum"] = targetNames },
            },
            ["Skip"] = new OrderedJsonObject
            {
                ["type"] = "array", ["description"] = "Targets to skip", ["items"] = new OrderedJsonObject { ["enum"] = targetNames },
            },
        };
        var rendered = parameters?.Parameters == graph.Parameters ? parameters.Nodes : null;
        for (var i = 0; i < graph.Parameters.Count; i++)
            properties[graph.Parameters[i].Name] = rendered?[i] ?? ParameterNode(graph.Parameters[i]);
        var schema = new OrderedJsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["title"] = "Build Schema",
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["properties"] = properties,
        };
        return IndentedJson.Write(schema, depth: 0) + "\n";
    }

    private static OrderedJsonObject ParameterNode(ParameterDescriptor parameter)
    {
        var node = TypeOf(parameter.Type);
        // The constraints hold for each item of an array, as the engine checks them.
        var constrained = node.Find("items") as OrderedJsonObject ?? node;
        foreach (var constraint in parameter.Constraints)
            foreach (var (keyword, value) in constraint.SchemaKeywords)
                constrained[keyword] = value is not string && value is IEnumerable<string> words ? words.Select(w => (object?)w).ToList() : value;
        if (parameter.Description is not null) node["description"] = parameter.Description;
        if (parameter.IsSecret) node["default"] = "Secrets belong in the environment or a CI secret, not in this file";
        return node;
    }

    private static OrderedJsonObject TypeOf(Type type)
    {
        var inner = Nullable.GetUnderlyingType(type) ?? type;
        if (inner.IsArray) return new OrderedJsonObject { ["type"] = "array", ["items"] = TypeOf(inner.GetElementType()!) };
        if (inner.IsEnum) return new OrderedJsonObject { ["type"] = "string", ["enum"] = Enum.GetNames(inner).Select(n => (object?)n).ToList() };
        return Type.GetTypeCode(inner) switch
        {
            TypeCode.Boolean => new OrderedJsonObject { ["type"] = "boolean" },
            TypeCode.Int16 or TypeCode.Int32 or TypeCode.Int64 or TypeCode.Byte => new OrderedJsonObject { ["type"] = "integer" },
            TypeCode.Double or TypeCode.Single or TypeCode.Decimal => new OrderedJsonObject { ["type"] = "number" },
            _ => new OrderedJsonObject { ["type"] = "string" },
        };
    }
}
