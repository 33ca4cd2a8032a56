using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Release.Engine.Output;
using Release.Engine.Parameters;

namespace Release.Engine.Tests.Output;

/// <summary>
/// The schema is rendered without System.Text.Json (it runs on every start); these tests hold it to exactly what
/// System.Text.Json's <c>JsonNode</c> with <c>WriteIndented</c> gives, which is what editors and earlier versions saw.
/// </summary>
public class SchemaRenderingTests
{
    public enum Level { Low, High }

    private static readonly MemberInfo AnyMember = typeof(SchemaRenderingTests).GetMethod(nameof(Renders_every_parameter_type_as_System_Text_Json_does))!;

    [Test]
    public void Renders_every_parameter_type_as_System_Text_Json_does()
    {
        var parameters = new (string Name, Type Type)[]
        {
            ("Text", typeof(string)), ("Flag", typeof(bool)), ("MaybeFlag", typeof(bool?)), ("Count", typeof(int)), ("Big", typeof(long)),
            ("Small", typeof(short)), ("Octet", typeof(byte)), ("Ratio", typeof(double)), ("Single", typeof(float)), ("Money", typeof(decimal)),
            ("Severity", typeof(Level)), ("MaybeSeverity", typeof(Level?)), ("Tags", typeof(string[])), ("Levels", typeof(Level[])),
            ("Matrix", typeof(int[][])), ("Output", typeof(AbsolutePath)), ("Timeout", typeof(TimeSpan)),
        };
        var graph = new TargetGraph(
            [Node("Compile"), Node("Test"), Node("Unlisted")],
            parameters.Select((p, i) => new ParameterDescriptor(p.Name, p.Type, i % 3 == 0 ? null : $"The {p.Name} <of> the build", i % 4 == 1, i % 5 == 2, AnyMember)).ToList());

        RendersLikeTheOracle(graph);
    }

    [Test]
    public void Escapes_descriptions_as_System_Text_Json_does()
    {
        var descriptions = new[]
        {
            "plain", "quote \" and backslash \\ and slash /", "html <b> & 'single' + `tick`", "tab\tnew\nline\rfeed\fback\b",
            "control \u0001\u001f\u007f", "latin é ß and € and 中文", "emoji \U0001F600", "lone \uD800 surrogate", "",
        };
        var graph = new TargetGraph(
            [Node("Déploy"), Node("A<B>")],
            descriptions.Select((d, i) => new ParameterDescriptor($"P{i}", typeof(string), d, i == 0, false, AnyMember)).ToList());

        RendersLikeTheOracle(graph);
    }

    [Test]
    public void Renders_constraints_as_System_Text_Json_does()
    {
        ParameterDescriptor With(string name, Type type, params ParameterConstraintAttribute[] constraints) =>
            new(name, type, "Constrained", false, false, AnyMember) { Constraints = constraints };
        var graph = new TargetGraph([Node("Compile")],
        [
            With("Port", typeof(int?), new RangeAttribute(1, 65535)), With("Depth", typeof(int), new RangeAttribute(1)),
            With("Ratio", typeof(double), new RangeAttribute(0.5, 99.75)), With("Runtime", typeof(string), new OneOfAttribute("auto", "pod&man")),
            With("Release", typeof(string), new NotEmptyAttribute(), new PatternAttribute("^[0-9]+\\.[0-9]+$", "a version")),
            With("Shards", typeof(int[]), new RangeAttribute(-1, 10)), With("Level", typeof(Level), new OneOfAttribute("High")),
        ]);
        RendersLikeTheOracle(graph);
    }

    [Test]
    public void Renders_an_empty_build_as_System_Text_Json_does()
    {
        var graph = new TargetGraph([], []);
        RendersLikeTheOracle(graph);
    }

    [Test]
    public void A_parameter_named_like_a_fixed_property_replaces_it_in_place()
    {
        var graph = new TargetGraph([Node("Compile")], [new ParameterDescriptor("Target", typeof(string), "Shadows the target list", false, false, AnyMember)]);
        RendersLikeTheOracle(graph);
    }

    /// <summary>Both ways: all at once, and with the parameters' part rendered ahead (as a run does, on a second thread).</summary>
    private static void RendersLikeTheOracle(TargetGraph graph)
    {
        var expected = Oracle(graph);
        Assert.That(BuildSchema.Render(graph), Is.EqualTo(expected));
        Assert.That(BuildSchema.Render(graph, new BuildSchema.ParameterSection(graph.Parameters)), Is.EqualTo(expected));
    }

    private static TargetNode Node(string name) => new(name, null, false, [], [], [], [], [], [], [], false, false);

    /// <summary>The renderer as it was written with System.Text.Json.Nodes.</summary>
    private static string Oracle(TargetGraph graph)
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
            var constrained = node["items"] as JsonObject ?? node;
            foreach (var constraint in parameter.Constraints)
                foreach (var (keyword, value) in constraint.SchemaKeywords)
                    constrained[keyword] = value switch
                    {
                        string text => JsonValue.Create(text),
                        double number => JsonValue.Create(number),
                        IEnumerable<string> words => new JsonArray(words.Select(w => (JsonNode?)JsonValue.Create(w)).ToArray()),
                        _ => throw new AssertionException($"unexpected keyword value {value}"),
                    };
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
