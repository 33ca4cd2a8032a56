using System.Text;
using Release.Foundation.IO;

namespace Release.Engine.Output;

/// <summary>
/// Writes <c>.nuke/build.schema.json</c> so editors complete <c>parameters.json</c>: one property per parameter with its
/// type and its constraints (<c>minimum</c>, <c>maximum</c>, <c>enum</c>, <c>pattern</c>...), and the target names for <c>Target</c> and <c>Skip</c>. Rewritten only when its content changes.
/// </summary>
/// <remarks>
/// Runs on every start (<c>--help</c> included), so it renders the text itself instead of through System.Text.Json, whose
/// first use costs more than the rest of <c>--help</c>. The output is what <c>JsonNode.ToJsonString</c> with
/// <c>WriteIndented</c> and the default encoder gives (a test holds the two to the same text).
/// </remarks>
internal static class SchemaWriter
{
    public static async Task WriteAsync(AbsolutePath root, TargetGraph graph, ParameterSection? parameters, CancellationToken cancellationToken)
    {
        var directory = root / ".nuke";
        if (!directory.DirectoryExists()) return;
        var text = Encoding.UTF8.GetBytes(Render(graph, parameters));
        var path = directory / "build.schema.json";
        if (Holds(path, text)) return;
        await AtomicFile.WriteBytesAsync(path, text, cancellationToken);
    }

    /// <summary>
    /// Whether the file already holds <paramref name="text"/>. Read synchronously: the file is small and local, and on
    /// Linux an asynchronous read starts the thread pool, which costs --help more than the rest of the schema does.
    /// </summary>
    private static bool Holds(AbsolutePath path, byte[] text)
    {
        var file = new FileInfo(path);
        if (!file.Exists || file.Length != text.Length) return false;
        try { return File.ReadAllBytes(path).AsSpan().SequenceEqual(text); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; } // the write says what is wrong
    }

    /// <summary>
    /// The parameters' part of the schema, rendered from their declarations alone, so it can be worked out before the
    /// targets are known (see <see cref="Planning.BuildTypeModel"/>).
    /// </summary>
    public sealed class ParameterSection
    {
        internal ParameterSection(IReadOnlyList<Parameters.ParameterDescriptor> parameters)
        {
            Parameters = parameters;
            Nodes = parameters.Select(p => (object?)new RawJson(Render(ParameterNode(p), depth: 2))).ToList();
        }

        internal IReadOnlyList<Parameters.ParameterDescriptor> Parameters { get; }
        internal IReadOnlyList<object?> Nodes { get; }
    }

    public static string Render(TargetGraph graph, ParameterSection? parameters = null)
    {
        var targetNames = graph.Targets.Select(t => (object?)t.Name).ToList();
        var properties = new JsonObject
        {
            ["$schema"] = new JsonObject { ["type"] = "string" },
            ["Target"] = new JsonObject { ["type"] = "array", ["description"] = "Targets to run", ["items"] = new JsonObject { ["enum"] = targetNames } },
            ["Skip"] = new JsonObject { ["type"] = "array", ["description"] = "Targets to skip", ["items"] = new JsonObject { ["enum"] = targetNames } },
        };
        var rendered = parameters?.Parameters == graph.Parameters ? parameters.Nodes : null;
        for (var i = 0; i < graph.Parameters.Count; i++)
            properties[graph.Parameters[i].Name] = rendered?[i] ?? ParameterNode(graph.Parameters[i]);
        var schema = new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["title"] = "Build Schema",
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["properties"] = properties,
        };
        return Render(schema, depth: 0) + "\n";
    }

    private static JsonObject ParameterNode(Parameters.ParameterDescriptor parameter)
    {
        var node = TypeOf(parameter.Type);
        // The constraints hold for each item of an array, as the engine checks them.
        var constrained = node.Find("items") as JsonObject ?? node;
        foreach (var constraint in parameter.Constraints)
            foreach (var (keyword, value) in constraint.SchemaKeywords)
                constrained[keyword] = value is not string && value is IEnumerable<string> words ? words.Select(w => (object?)w).ToList() : value;
        if (parameter.Description is not null) node["description"] = parameter.Description;
        if (parameter.IsSecret) node["default"] = "Secrets belong in the environment or a CI secret, not in this file";
        return node;
    }

    private static string Render(object? value, int depth)
    {
        var text = new StringBuilder();
        WriteValue(text, value, depth);
        return text.ToString();
    }

    /// <summary>A value already rendered at the depth it is written at.</summary>
    private sealed record RawJson(string Text);

    private static JsonObject TypeOf(Type type)
    {
        var inner = Nullable.GetUnderlyingType(type) ?? type;
        if (inner.IsArray) return new JsonObject { ["type"] = "array", ["items"] = TypeOf(inner.GetElementType()!) };
        if (inner.IsEnum) return new JsonObject { ["type"] = "string", ["enum"] = Enum.GetNames(inner).Select(n => (object?)n).ToList() };
        return Type.GetTypeCode(inner) switch
        {
            TypeCode.Boolean => new JsonObject { ["type"] = "boolean" },
            TypeCode.Int16 or TypeCode.Int32 or TypeCode.Int64 or TypeCode.Byte => new JsonObject { ["type"] = "integer" },
            TypeCode.Double or TypeCode.Single or TypeCode.Decimal => new JsonObject { ["type"] = "number" },
            _ => new JsonObject { ["type"] = "string" },
        };
    }

    /// <summary>An object whose properties keep their insertion order; setting an existing name replaces it in place.</summary>
    private sealed class JsonObject : List<KeyValuePair<string, object?>>
    {
        public object? Find(string name)
        {
            foreach (var (key, value) in this)
                if (key == name) return value;
            return null;
        }


        public object? this[string name]
        {
            set
            {
                for (var i = 0; i < Count; i++)
                    if (this[i].Key == name) { this[i] = new(name, value); return; }
                Add(new(name, value));
            }
        }
    }

    private static void WriteValue(StringBuilder text, object? value, int depth)
    {
        switch (value)
        {
            case null: text.Append("null"); break;
            case RawJson raw: text.Append(raw.Text); break;
            case bool flag: text.Append(flag ? "true" : "false"); break;
            case string s: WriteString(text, s); break;
            case double number: text.Append(number.ToString("R", System.Globalization.CultureInfo.InvariantCulture)); break;
            case JsonObject properties:
                if (properties.Count == 0) { text.Append("{}"); break; }
                text.Append('{');
                for (var i = 0; i < properties.Count; i++)
                {
                    text.Append(i == 0 ? "\n" : ",\n").Append(' ', (depth + 1) * 2);
                    WriteString(text, properties[i].Key);
                    text.Append(": ");
                    WriteValue(text, properties[i].Value, depth + 1);
                }
                text.Append('\n').Append(' ', depth * 2).Append('}');
                break;
            case List<object?> items:
                if (items.Count == 0) { text.Append("[]"); break; }
                text.Append('[');
                for (var i = 0; i < items.Count; i++)
                {
                    text.Append(i == 0 ? "\n" : ",\n").Append(' ', (depth + 1) * 2);
                    WriteValue(text, items[i], depth + 1);
                }
                text.Append('\n').Append(' ', depth * 2).Append(']');
                break;
            default: throw new InvalidOperationException($"No JSON form for {value.GetType().Name}.");
        }
    }

    /// <summary>
    /// Quotes a string as System.Text.Json's default encoder does: printable ASCII stays except the HTML-sensitive
    /// <c>" &amp; ' + &lt; &gt; `</c>, which become <c>\uXXXX</c> like every control and non-ASCII character;
    /// <c>\b \t \n \f \r \\</c> keep their short forms; a lone surrogate becomes U+FFFD.
    /// </summary>
    private static void WriteString(StringBuilder text, string value)
    {
        text.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\b': text.Append("\\b"); continue;
                case '\t': text.Append("\\t"); continue;
                case '\n': text.Append("\\n"); continue;
                case '\f': text.Append("\\f"); continue;
                case '\r': text.Append("\\r"); continue;
                case '\\': text.Append("\\\\"); continue;
            }
            if (c is >= ' ' and <= '~' && c is not ('"' or '&' or '\'' or '+' or '<' or '>' or '`'))
                text.Append(c);
            else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                Escape(text, c);
                Escape(text, value[++i]);
            }
            else Escape(text, char.IsSurrogate(c) ? '\uFFFD' : c);
        }
        text.Append('"');
    }

    private static void Escape(StringBuilder text, char c) => text.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
}
