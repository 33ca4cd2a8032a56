using System.Globalization;

namespace Release.Tooling.Git;

/// <summary>
/// The machine-readable <c>--format</c> used for <c>git log</c>, and its parser. Fields are separated by
/// ASCII unit separators (0x1F) and records start with a record separator (0x1E): characters that commit
/// messages practically never contain, unlike newlines.
/// </summary>
public static class GitLogFormat
{
    private const char RecordSeparator = '\u001e';
    private const char FieldSeparator = '\u001f';
    private const int FieldCount = 10;

    /// <summary>The <c>--format=</c> argument: hash, parents, author name/email/date, committer name/email/date, subject, body.</summary>
    public const string FormatArgument = "--format=%x1e%H%x1f%P%x1f%an%x1f%ae%x1f%aI%x1f%cn%x1f%ce%x1f%cI%x1f%s%x1f%b";

    /// <summary>Parses git's output (lines as read, in order) into commits, newest first as git printed them.</summary>
    /// <exception cref="FormatException">A record does not have the expected fields.</exception>
    public static IReadOnlyList<GitCommit> Parse(IEnumerable<string> outputLines)
    {
        var text = string.Join('\n', outputLines);
        var commits = new List<GitCommit>();
        foreach (var record in text.Split(RecordSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (record.Trim().Length == 0)
            {
                continue;
            }
            var fields = record.Split(FieldSeparator, FieldCount);
            if (fields.Length != FieldCount)
            {
                throw new FormatException(
                    $"git log record has {fields.Length} fields instead of {FieldCount}: '{record[..Math.Min(80, record.Length)]}'.");
            }
            commits.Add(new GitCommit(
                fields[0],
                fields[1].Split(' ', StringSplitOptions.RemoveEmptyEntries),
                new GitIdentity(fields[2], fields[3]) { Date = ParseDate(fields[4]) },
                new GitIdentity(fields[5], fields[6]) { Date = ParseDate(fields[7]) },
                fields[8],
                fields[9].TrimEnd('\n', ' ')));
        }
        return commits;
    }

    private static DateTimeOffset ParseDate(string value) =>
        DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.None);
}
