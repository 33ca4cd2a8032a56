using System.Globalization;
using System.Text;
using Release.Engine.Output;

namespace Release.Engine.Startup;

/// <summary>
/// Writes JSON text as System.Text.Json's <c>JsonNode.ToJsonString</c> with <c>WriteIndented</c> and the default encoder
/// does, for the values the build schema holds: null, booleans, numbers, strings, <see cref="OrderedJsonObject"/>,
/// lists and <see cref="RawJson"/>. Here because System.Text.Json's first use costs a start more than the rest of
/// <c>--help</c> does (see README.md).
/// </summary>
internal static class IndentedJson
{
    /// <summary>The text of <paramref name="value"/>, indented as if it stood <paramref name="depth"/> levels deep.</summary>
    public static string Write(object? value, int depth)
    {
        var text = new StringBuilder();
        WriteValue(text, value, depth);
        return text.ToString();
    }

    private static void WriteValue(StringBuilder text, object? value, int depth)
    {
        switch (value)
        {
            case null: text.Append("null"); break;
            case RawJson raw: text.Append(raw.Text); break;
            case bool flag: text.Append(flag ? "true" : "false"); break;
            case string s: WriteString(text, s); break;
            case double number: text.Append(number.ToString("R", CultureInfo.InvariantCulture)); break;
            case OrderedJsonObject properties:
                if (properties.Count == 0) { text.Append("{}"); break; }
                text.Append('{');
                for (var i = 0; i < properties.Count; i++)
                {
                    text.Append(i == 0 ? "\n" : ",\n").AppendSpaces((depth + 1) * 2);
                    WriteString(text, properties[i].Key);
                    text.Append(": ");
                    WriteValue(text, properties[i].Value, depth + 1);
                }
                text.Append('\n').AppendSpaces(depth * 2).Append('}');
                break;
            case List<object?> items:
                if (items.Count == 0) { text.Append("[]"); break; }
                text.Append('[');
                for (var i = 0; i < items.Count; i++)
                {
                    text.Append(i == 0 ? "\n" : ",\n").AppendSpaces((depth + 1) * 2);
                    WriteValue(text, items[i], depth + 1);
                }
                text.Append('\n').AppendSpaces(depth * 2).Append(']');
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

    private static void Escape(StringBuilder text, char c) => text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
}

/// <summary>A JSON object whose properties keep their insertion order; setting an existing name replaces it in place.</summary>
internal sealed class OrderedJsonObject : List<KeyValuePair<string, object?>>
{
    /// <summary>The value of <paramref name="name"/>, or null.</summary>
    public object? Find(string name)
    {
        foreach (var (key, value) in this)
            if (key == name) return value;
        return null;
    }

    /// <summary>Sets <paramref name="name"/>: in place when present, else at the end.</summary>
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

/// <summary>A value already written at the depth it is placed at.</summary>
internal sealed record RawJson(string Text);
