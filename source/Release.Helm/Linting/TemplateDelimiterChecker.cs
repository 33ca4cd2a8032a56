namespace Release.Helm.Linting;

/// <summary>
/// Checks a Go template's structure without rendering it: every <c>{{</c> has its <c>}}</c> (also with <c>-</c> trim
/// markers and <c>/* */</c> comments), quotes inside actions do not hide delimiters, and every <c>if/range/with/define/block</c>
/// has its <c>end</c> (<c>else</c> only inside <c>if/range/with</c>). Stray <c>}}</c> in text are reported as warnings:
/// Go would print them, which in a YAML manifest is almost always a typo.
/// </summary>
public static class TemplateDelimiterChecker
{
    private static readonly HashSet<string> BlockOpeners = ["if", "range", "with", "define", "block"];
    private static readonly HashSet<string> ElseParents = ["if", "range", "with"];

    /// <summary>Returns the findings for <paramref name="text"/>, reported against <paramref name="file"/>.</summary>
    public static IReadOnlyList<LintFinding> Check(string text, string file)
    {
        var findings = new List<LintFinding>();
        var lines = new LineIndex(text);
        var open = new Stack<(string Keyword, int Line)>();
        var position = 0;
        while (position < text.Length)
        {
            var start = text.IndexOf("{{", position, StringComparison.Ordinal);
            ReportStrayClosers(text, position, start < 0 ? text.Length : start, lines, file, findings);
            if (start < 0) break;

            var action = ActionScanner.Scan(text, start);
            var line = lines.LineOf(start);
            switch (action.Problem)
            {
                case ActionProblem.Unclosed:
                    findings.Add(new(LintSeverity.Error, file, line, "'{{' is never closed with '}}'; close the action on this line"));
                    return findings;
                case ActionProblem.NestedOpen:
                    findings.Add(new(LintSeverity.Error, file, line,
                        $"'{{{{' is not closed before the next '{{{{' on line {lines.LineOf(action.End)}; add the missing '}}}}'"));
                    position = action.End;
                    continue;
                case ActionProblem.UnclosedComment:
                    findings.Add(new(LintSeverity.Error, file, line, "comment '{{/*' is never closed with '*/}}'"));
                    return findings;
            }

            position = action.End;
            if (action.IsComment) continue;
            var keyword = action.Keyword;
            if (BlockOpeners.Contains(keyword))
                open.Push((keyword, line));
            else if (keyword == "else" && (open.Count == 0 || !ElseParents.Contains(open.Peek().Keyword)))
                findings.Add(new(LintSeverity.Error, file, line, "'else' outside an 'if', 'range' or 'with' block"));
            else if (keyword == "end" && !open.TryPop(out _))
                findings.Add(new(LintSeverity.Error, file, line, "'end' without an open 'if', 'range', 'with', 'define' or 'block'; remove it or " +
                    "add the opener"));
        }

        foreach (var (keyword, line) in open.Reverse())
            findings.Add(new(LintSeverity.Error, file, line, $"'{keyword}' opened here is never closed; add '{{{{ end }}}}'"));
        return findings;
    }

    private static void ReportStrayClosers(string text, int from, int to, LineIndex lines, string file, List<LintFinding> findings)
    {
        for (var at = text.IndexOf("}}", from, StringComparison.Ordinal);
             at >= 0 && at < to;
             at = text.IndexOf("}}", at + 2, StringComparison.Ordinal))
            findings.Add(new(LintSeverity.Warning, file, lines.LineOf(at), "'}}' without a matching '{{' (it would be printed as text)"));
    }
}
