namespace Release.Helm.Linting;

/// <summary>What went wrong while scanning one template action.</summary>
internal enum ActionProblem { None, Unclosed, NestedOpen, UnclosedComment }

/// <summary>One scanned action: where it ends (just after <c>}}</c>), its first word, and whether it is a comment.</summary>
internal readonly record struct ScannedAction(int End, string Keyword, bool IsComment, ActionProblem Problem);

/// <summary>
/// Scans one <c>{{ … }}</c> action starting at its <c>{{</c>, skipping string ("…"), raw string (`…`) and character ('…')
/// literals so a quoted "}}" does not end the action early.
/// </summary>
internal static class ActionScanner
{
    public static ScannedAction Scan(string text, int start)
    {
        var inner = start + 2;
        if (inner < text.Length && text[inner] == '-' && inner + 1 < text.Length && char.IsWhiteSpace(text[inner + 1])) inner += 2;
        while (inner < text.Length && char.IsWhiteSpace(text[inner])) inner++;

        if (string.CompareOrdinal(text, inner, "/*", 0, 2) == 0)
        {
            var commentEnd = text.IndexOf("*/", inner + 2, StringComparison.Ordinal);
            if (commentEnd < 0) return new(text.Length, "", true, ActionProblem.UnclosedComment);
            var close = text.IndexOf("}}", commentEnd, StringComparison.Ordinal);
            return close < 0 ? new(text.Length, "", true, ActionProblem.UnclosedComment) : new(close + 2, "", true, ActionProblem.None);
        }

        var keywordEnd = inner;
        while (keywordEnd < text.Length && char.IsLetter(text[keywordEnd])) keywordEnd++;
        var keyword = text[inner..keywordEnd];

        for (var i = inner; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '"' or '\'':
                    i = SkipQuoted(text, i, text[i]);
                    break;
                case '`':
                    var rawEnd = text.IndexOf('`', i + 1);
                    i = rawEnd < 0 ? text.Length : rawEnd;
                    break;
                case '}' when i + 1 < text.Length && text[i + 1] == '}':
                    return new(i + 2, keyword, false, ActionProblem.None);
                case '{' when i + 1 < text.Length && text[i + 1] == '{':
                    return new(i, keyword, false, ActionProblem.NestedOpen);
            }
        }

        return new(text.Length, keyword, false, ActionProblem.Unclosed);
    }

    private static int SkipQuoted(string text, int open, char quote)
    {
        for (var i = open + 1; i < text.Length; i++)
        {
            if (text[i] == '\\') i++;
            else if (text[i] == quote || text[i] == '\n') return i; // Go strings cannot span lines: stop at the newline
        }

        return text.Length;
    }
}
