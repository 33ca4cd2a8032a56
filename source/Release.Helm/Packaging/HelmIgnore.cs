using System.Text;
using System.Text.RegularExpressions;

namespace Release.Helm.Packaging;

/// <summary>
/// The rules of a chart's <c>.helmignore</c>: one glob per line, <c>#</c> comments, <c>!</c> to re-include, a trailing
/// <c>/</c> to match folders only. A pattern with a <c>/</c> inside matches the chart-relative path; one without matches
/// any single file or folder name. <c>*</c> and <c>?</c> never cross a <c>/</c>. The last matching line wins.
/// </summary>
public sealed class HelmIgnore
{
    private readonly IReadOnlyList<Rule> _rules;

    private HelmIgnore(IReadOnlyList<Rule> rules) => _rules = rules;

    /// <summary>Ignores nothing.</summary>
    public static HelmIgnore Empty { get; } = new([]);

    /// <summary>Parses the text of a <c>.helmignore</c> file.</summary>
    public static HelmIgnore Parse(string text)
    {
        var rules = new List<Rule>();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var negated = line.StartsWith('!');
            if (negated) line = line[1..];
            var folderOnly = line.EndsWith('/');
            line = line.Trim('/');
            if (line.Length == 0) continue;
            rules.Add(new Rule(GlobToRegex(line), line.Contains('/'), folderOnly, negated));
        }

        return new HelmIgnore(rules);
    }

    /// <summary>True if the file at <paramref name="relativePath"/> ('/'-separated, relative to the chart) is left out.</summary>
    public bool IsIgnored(string relativePath)
    {
        var parts = relativePath.Split('/');
        var ignored = false;
        foreach (var rule in _rules)
            if (Matches(rule, parts)) ignored = !rule.Negated;
        return ignored;
    }

    private static bool Matches(Rule rule, string[] parts)
    {
        // Candidates: each folder prefix of the path, then (unless the rule is for folders only) the file itself.
        var count = rule.FolderOnly ? parts.Length - 1 : parts.Length;
        for (var i = 0; i < count; i++)
        {
            var candidate = rule.MatchesPath ? string.Join('/', parts[..(i + 1)]) : parts[i];
            if (rule.Pattern.IsMatch(candidate)) return true;
        }

        return false;
    }

    private static Regex GlobToRegex(string glob)
    {
        var pattern = new StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            switch (c)
            {
                case '*': pattern.Append("[^/]*"); break;
                case '?': pattern.Append("[^/]"); break;
                case '[':
                    var close = glob.IndexOf(']', i + 1);
                    if (close < 0) goto default;
                    var set = glob[(i + 1)..close];
                    pattern.Append('[').Append(set.StartsWith('!') ? "^" + Regex.Escape(set[1..]) : Regex.Escape(set)).Append(']');
                    i = close;
                    break;
                default: pattern.Append(Regex.Escape(c.ToString())); break;
            }
        }

        return new Regex(pattern.Append('$').ToString(), RegexOptions.CultureInvariant);
    }

    private sealed record Rule(Regex Pattern, bool MatchesPath, bool FolderOnly, bool Negated);
}
