namespace Release.Engine.Startup;

/// <summary>
/// Reads the plain shape of a parameters file without System.Text.Json, whose first use costs a start-up of every
/// build more than the whole file is worth: one object of names to strings, numbers, booleans, nulls or arrays of
/// strings, numbers and booleans; ASCII only, no escapes, comments or trailing commas. Anything else (including every
/// malformed file) gets null, and the caller reads the file with System.Text.Json, which also words the errors.
/// </summary>
internal static class FlatJsonReader
{
    /// <summary>The entries in file order (a repeated key appears twice), or null when the file is not of the plain shape.</summary>
    public static List<(string Key, IReadOnlyList<string>? Values)>? TryRead(ReadOnlySpan<byte> json)
    {
        var entries = new List<(string, IReadOnlyList<string>?)>();
        var position = 0;
        if (!Expect(json, ref position, (byte)'{')) return null;
        SkipWhitespace(json, ref position);
        if (position < json.Length && json[position] == '}') return AtEnd(json, position + 1) ? entries : null;
        while (true)
        {
            SkipWhitespace(json, ref position);
            if (ReadString(json, ref position) is not { } key || !Expect(json, ref position, (byte)':')) return null;
            SkipWhitespace(json, ref position);
            if (position >= json.Length) return null;
            if (json[position] == '[')
            {
                position++;
                var items = new List<string>();
                SkipWhitespace(json, ref position);
                if (position < json.Length && json[position] == ']') position++;
                else
                    while (true)
                    {
                        SkipWhitespace(json, ref position);
                        if (ReadScalar(json, ref position) is not { } item) return null;
                        items.Add(item);
                        SkipWhitespace(json, ref position);
                        if (position >= json.Length) return null;
                        if (json[position++] == ']') break;
                        if (json[position - 1] != ',') return null;
                    }
                entries.Add((key, items));
            }
            else if (ReadLiteral(json, ref position, "null")) entries.Add((key, null));
            else if (ReadScalar(json, ref position) is { } scalar) entries.Add((key, [scalar]));
            else return null;

            SkipWhitespace(json, ref position);
            if (position >= json.Length) return null;
            if (json[position++] == '}') return AtEnd(json, position) ? entries : null;
            if (json[position - 1] != ',') return null;
        }
    }

    /// <summary>A string, number or boolean as the parameter's text (numbers keep their literal spelling).</summary>
    private static string? ReadScalar(ReadOnlySpan<byte> json, ref int position)
    {
        if (position >= json.Length) return null;
        if (json[position] == '"') return ReadString(json, ref position);
        if (ReadLiteral(json, ref position, "true")) return "true";
        if (ReadLiteral(json, ref position, "false")) return "false";
        return ReadNumber(json, ref position);
    }

    private static string? ReadString(ReadOnlySpan<byte> json, ref int position)
    {
        if (position >= json.Length || json[position] != '"') return null;
        var start = ++position;
        for (; position < json.Length; position++)
        {
            var b = json[position];
            if (b == '"')
            {
                var text = System.Text.Encoding.ASCII.GetString(json[start..position]);
                position++;
                return text;
            }
            if (b < 0x20 || b >= 0x80 || b == '\\') return null;
        }
        return null;
    }

    /// <summary>A JSON number: <c>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</c>.</summary>
    private static string? ReadNumber(ReadOnlySpan<byte> json, ref int position)
    {
        var start = position;
        var at = position;
        if (at < json.Length && json[at] == '-') at++;
        if (at >= json.Length || !IsDigit(json[at])) return null;
        if (json[at] == '0') at++;
        else while (at < json.Length && IsDigit(json[at])) at++;
        if (at < json.Length && json[at] == '.')
        {
            if (++at >= json.Length || !IsDigit(json[at])) return null;
            while (at < json.Length && IsDigit(json[at])) at++;
        }
        if (at < json.Length && json[at] is (byte)'e' or (byte)'E')
        {
            if (++at < json.Length && json[at] is (byte)'+' or (byte)'-') at++;
            if (at >= json.Length || !IsDigit(json[at])) return null;
            while (at < json.Length && IsDigit(json[at])) at++;
        }
        // A number must end at a delimiter, as in "1x" or "01" it does not.
        if (at < json.Length && !IsWhitespace(json[at]) && json[at] is not ((byte)',' or (byte)'}' or (byte)']')) return null;
        position = at;
        return System.Text.Encoding.ASCII.GetString(json[start..at]);
    }

    private static bool ReadLiteral(ReadOnlySpan<byte> json, ref int position, string literal)
    {
        if (json.Length - position < literal.Length) return false;
        for (var i = 0; i < literal.Length; i++)
            if (json[position + i] != literal[i]) return false;
        var end = position + literal.Length;
        if (end < json.Length && !IsWhitespace(json[end]) && json[end] is not ((byte)',' or (byte)'}' or (byte)']')) return false;
        position = end;
        return true;
    }

    private static bool Expect(ReadOnlySpan<byte> json, ref int position, byte expected)
    {
        SkipWhitespace(json, ref position);
        if (position >= json.Length || json[position] != expected) return false;
        position++;
        return true;
    }

    private static bool AtEnd(ReadOnlySpan<byte> json, int position)
    {
        SkipWhitespace(json, ref position);
        return position == json.Length;
    }

    private static void SkipWhitespace(ReadOnlySpan<byte> json, ref int position)
    {
        while (position < json.Length && IsWhitespace(json[position])) position++;
    }

    private static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r';

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';
}
