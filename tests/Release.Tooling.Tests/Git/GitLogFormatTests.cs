using Release.Tooling.Git;

namespace Release.Tooling.Tests.Git;

public sealed class GitLogFormatTests
{
    [Test]
    public void Parses_records_with_multi_line_bodies_and_merges()
    {
        string[] lines =
        [
            "\u001eaaa\u001fp1 p2\u001fAnn\u001fann@example.com\u001f2024-01-02T03:04:05+01:00\u001fCi\u001fci@example.com\u001f2024-01-03T00:00:00Z\u001fMerge branch 'x'\u001f",
            "",
            "\u001ebbb\u001fp0\u001fBob\u001fbob@example.com\u001f2023-12-31T23:59:59-05:00\u001fBob\u001fbob@example.com\u001f2023-12-31T23:59:59-05:00\u001ffeat(api)!: drop v1\u001fFirst body line",
            "",
            "BREAKING CHANGE: v1 is gone",
            "",
        ];

        var commits = GitLogFormat.Parse(lines);

        Assert.That(commits, Has.Count.EqualTo(2));
        Assert.That(commits[0].Hash, Is.EqualTo("aaa"));
        Assert.That(commits[0].IsMerge, Is.True);
        Assert.That(commits[0].Body, Is.Empty);
        Assert.That(commits[0].Author, Is.EqualTo(new GitIdentity("Ann", "ann@example.com") { Date = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(1)) }));
        Assert.That(commits[0].Committer.Date, Is.EqualTo(new DateTimeOffset(2024, 1, 3, 0, 0, 0, TimeSpan.Zero)));
        Assert.That(commits[1].ParentHashes, Is.EqualTo(new[] { "p0" }));
        Assert.That(commits[1].Subject, Is.EqualTo("feat(api)!: drop v1"));
        Assert.That(commits[1].Body, Is.EqualTo("First body line\n\nBREAKING CHANGE: v1 is gone"));
        Assert.That(commits[1].Message, Is.EqualTo("feat(api)!: drop v1\n\nFirst body line\n\nBREAKING CHANGE: v1 is gone"));
    }

    [Test]
    public void Empty_output_is_no_commits()
    {
        Assert.That(GitLogFormat.Parse([]), Is.Empty);
    }

    [Test]
    public void A_record_with_missing_fields_is_a_format_error()
    {
        Assert.Throws<FormatException>(() => GitLogFormat.Parse(["\u001eabc\u001fonly-two"]));
    }
}
