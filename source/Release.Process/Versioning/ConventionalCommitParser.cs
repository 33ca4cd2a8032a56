using System.Text.RegularExpressions;

namespace Release.Process.Versioning;

/// <summary>Reads commit messages with the Conventional Commits 1.0.0 grammar.</summary>
public static partial class ConventionalCommitParser
{
    /// <summary>Parses a message that must follow the convention.</summary>
    /// <param name="message">The full commit message.</param>
    /// <param name="sha">The commit id, named in errors and kept on the result.</param>
    /// <exception cref="FormatException">The header is not <c>type(scope)!: description</c>; the message says what is wrong.</exception>
    public static ConventionalCommit Parse(string message, string sha = "")
    {
        var commit = ParseOrOther(message, sha);
        if (!commit.IsConventional)
            throw new FormatException(
                $"Commit {(sha.Length > 0 ? sha : "message")} header '{commit.Description}' is not a conventional commit: " +
                "expected 'type(scope)!: description', e.g. 'feat(api): add paging' or 'fix: handle empty list'.");
        return commit;
    }

    /// <summary>
    /// Parses a message; a header that does not follow the convention gives a result with
    /// <see cref="ConventionalCommit.IsConventional"/> false (and no version bump) instead of an error.
    /// </summary>
    /// <param name="message">The full commit message.</param>
    /// <param name="sha">The commit id, kept on the result.</param>
    public static ConventionalCommit ParseOrOther(string message, string sha = "")
    {
        ArgumentNullException.ThrowIfNull(message);
        var lines = message.Replace("\r\n", "\n").Split('\n');
        var header = lines[0].Trim();
        var rest = lines.Skip(1).ToList();
        // The body starts one blank line after the header; tolerate several.
        while (rest.Count > 0 && rest[0].Trim().Length == 0) rest.RemoveAt(0);
        while (rest.Count > 0 && rest[^1].Trim().Length == 0) rest.RemoveAt(rest.Count - 1);

        var footerStart = FindFooterStart(rest);
        var body = string.Join('\n', rest.Take(footerStart)).TrimEnd();
        var footers = ReadFooters(rest.Skip(footerStart).ToList());

        var match = HeaderPattern().Match(header);
        var commit = match.Success
            ? new ConventionalCommit
            {
                IsConventional = true,
                Type = match.Groups["type"].Value.ToLowerInvariant(),
                Scope = match.Groups["scope"].Success ? match.Groups["scope"].Value.Trim() : null,
                HasBreakingMarker = match.Groups["bang"].Success,
                Description = match.Groups["description"].Value.Trim(),
            }
            : new ConventionalCommit { Description = header };

        return commit with
        {
            Sha = sha,
            Body = body,
            Footers = footers,
            ReferencedIssues = IssueReferences.Find(commit.Description, body, footers),
        };
    }

    // Footers start at the first paragraph whose first line is "Token: value" or "Token #value"; everything after
    // belongs to footers (a value may span lines and paragraphs, item 10). Taking the first such paragraph rather
    // than the last means a multi-paragraph BREAKING CHANGE value is never mistaken for body text and lost.
    private static int FindFooterStart(List<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var startsParagraph = i == 0 || lines[i - 1].Trim().Length == 0;
            if (startsParagraph && FooterPattern().IsMatch(lines[i])) return i;
        }
        return lines.Count;
    }

    private static List<CommitFooter> ReadFooters(List<string> lines)
    {
        var footers = new List<CommitFooter>();
        foreach (var line in lines)
        {
            var match = FooterPattern().Match(line);
            if (match.Success)
            {
                footers.Add(new CommitFooter(match.Groups["token"].Value, match.Groups["value"].Value.Trim(),
                    match.Groups["sep"].Value == " #"));
            }
            else if (footers.Count > 0)
            {
                // A footer's value continues until the next token/separator pair (item 10).
                var last = footers[^1];
                footers[^1] = last with { Value = last.Value + "\n" + line.TrimEnd() };
            }
        }
        return footers.Select(f => f with { Value = f.Value.TrimEnd() }).ToList();
    }

    [GeneratedRegex(@"^(?<type>[A-Za-z][A-Za-z0-9_-]*)(?:\((?<scope>[^()\r\n]+)\))?(?<bang>!)?: (?<description>\S.*)$")]
    private static partial Regex HeaderPattern();

    // BREAKING CHANGE is the one token allowed to contain a space and must be upper case (items 11, 15).
    [GeneratedRegex(@"^(?<token>BREAKING CHANGE|BREAKING-CHANGE|[A-Za-z][A-Za-z0-9-]*)(?<sep>: | #)(?<value>.*)$")]
    private static partial Regex FooterPattern();
}
