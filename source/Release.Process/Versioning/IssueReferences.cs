using System.Text.RegularExpressions;

namespace Release.Process.Versioning;

/// <summary>Finds issue references (<c>#123</c> for GitLab/GitHub, <c>PROJ-123</c> for Jira) in commit text.</summary>
internal static partial class IssueReferences
{
    public static IReadOnlyList<string> Find(string description, string body, IReadOnlyList<CommitFooter> footers)
    {
        var found = new List<string>();
        void Add(string reference)
        {
            if (!found.Contains(reference, StringComparer.Ordinal)) found.Add(reference);
        }

        foreach (var text in new[] { description, body })
            foreach (Match match in ReferencePattern().Matches(text))
                Add(match.Value);

        foreach (var footer in footers)
        {
            // "Closes #7": the '#' belongs to the separator, the value is the issue number.
            if (footer.UsesHashSeparator && footer.Value.Length > 0 && footer.Value.TakeWhile(char.IsAsciiDigit).Any())
                Add("#" + new string(footer.Value.TakeWhile(char.IsAsciiDigit).ToArray()));
            foreach (Match match in ReferencePattern().Matches(footer.Value))
                Add(match.Value);
        }
        return found;
    }

    // "#123" not preceded by a word character (so "abc#1" and URL anchors like "page#12" are skipped);
    // Jira keys: an upper-case project key of at least two characters, a dash and a number.
    [GeneratedRegex(@"(?<![\w#])#\d+\b|\b[A-Z][A-Z0-9]+-\d+\b")]
    private static partial Regex ReferencePattern();
}
