using Release.Process.Versioning;

namespace Release.Process.Tests.Versioning;

public class ConventionalCommitParserTests
{
    [Test]
    public void Reads_type_scope_and_description()
    {
        var commit = ConventionalCommitParser.Parse("feat(api): add paging to /orders", "abc1234");
        Assert.That(commit.IsConventional, Is.True);
        Assert.That(commit.Type, Is.EqualTo("feat"));
        Assert.That(commit.Scope, Is.EqualTo("api"));
        Assert.That(commit.Description, Is.EqualTo("add paging to /orders"));
        Assert.That(commit.IsBreaking, Is.False);
        Assert.That(commit.Bump, Is.EqualTo(VersionBump.Minor));
        Assert.That(commit.Sha, Is.EqualTo("abc1234"));
    }

    [Test]
    public void Type_is_case_insensitive()
    {
        Assert.That(ConventionalCommitParser.Parse("FIX: x").Type, Is.EqualTo("fix"));
        Assert.That(ConventionalCommitParser.Parse("Perf: x").Bump, Is.EqualTo(VersionBump.Patch));
    }

    [Test]
    public void Bang_marks_a_breaking_change_and_the_description_says_what_breaks()
    {
        var commit = ConventionalCommitParser.Parse("refactor(db)!: drop the v1 schema");
        Assert.That(commit.HasBreakingMarker, Is.True);
        Assert.That(commit.IsBreaking, Is.True);
        Assert.That(commit.Bump, Is.EqualTo(VersionBump.Major));
        Assert.That(commit.BreakingChanges, Is.EqualTo(new[] { "drop the v1 schema" }));
    }

    [TestCase("BREAKING CHANGE: config key renamed")]
    [TestCase("BREAKING-CHANGE: config key renamed")]
    public void Breaking_change_footer_makes_any_type_breaking(string footer)
    {
        var commit = ConventionalCommitParser.Parse($"chore: tidy\n\nSome body.\n\n{footer}");
        Assert.That(commit.IsBreaking, Is.True);
        Assert.That(commit.BreakingChanges, Is.EqualTo(new[] { "config key renamed" }));
        Assert.That(commit.Body, Is.EqualTo("Some body."));
    }

    [Test]
    public void Lower_case_breaking_change_is_not_a_breaking_footer()
    {
        var commit = ConventionalCommitParser.Parse("fix: x\n\nbreaking change: nope");
        Assert.That(commit.IsBreaking, Is.False);
    }

    [Test]
    public void Body_and_several_footers_with_both_separators()
    {
        var message = "fix(ui): prevent racing of requests\n\nIntroduce a request id.\n\nSecond paragraph.\n\n" +
                      "Reviewed-by: Z\nRefs #123\nCloses: PROJ-45";
        var commit = ConventionalCommitParser.Parse(message);
        Assert.That(commit.Body, Is.EqualTo("Introduce a request id.\n\nSecond paragraph."));
        Assert.That(commit.Footers.Select(f => f.Token), Is.EqualTo(new[] { "Reviewed-by", "Refs", "Closes" }));
        Assert.That(commit.Footers[1].Value, Is.EqualTo("123"));
        Assert.That(commit.Footers[1].UsesHashSeparator, Is.True);
        Assert.That(commit.ReferencedIssues, Is.EqualTo(new[] { "#123", "PROJ-45" }));
    }

    [Test]
    public void Footer_value_continues_over_lines_until_the_next_token()
    {
        var commit = ConventionalCommitParser.Parse(
            "feat: x\n\nBREAKING CHANGE: the 'orders' endpoint\nnow needs a token\n\nand pages by 50\nRefs: #9");
        Assert.That(commit.Footers, Has.Count.EqualTo(2));
        Assert.That(commit.BreakingChanges.Single(), Is.EqualTo("the 'orders' endpoint\nnow needs a token\n\nand pages by 50"));
        Assert.That(commit.Body, Is.Empty);
    }

    [Test]
    public void Issue_references_in_description_and_body_are_found_once_in_order()
    {
        var commit = ConventionalCommitParser.Parse("fix: crash on empty basket (#12)\n\nSee OPS-7 and #12, not page#3 or Q-1.\r\n");
        Assert.That(commit.ReferencedIssues, Is.EqualTo(new[] { "#12", "OPS-7" }));
    }

    [Test]
    public void Crlf_line_endings_are_handled()
    {
        var commit = ConventionalCommitParser.Parse("feat: a\r\n\r\nbody\r\n\r\nRefs: #1\r\n");
        Assert.That(commit.Body, Is.EqualTo("body"));
        Assert.That(commit.Footers.Single().Value, Is.EqualTo("#1"));
    }

    [TestCase("Merge branch 'develop'")]
    [TestCase("feat add thing")]
    [TestCase("feat:no space")]
    [TestCase("feat(): empty scope")]
    [TestCase(": no type")]
    [TestCase("feat: ")]
    public void Non_conventional_headers_are_refused_by_Parse_and_kept_as_other_by_ParseOrOther(string header)
    {
        var error = Assert.Throws<FormatException>(() => ConventionalCommitParser.Parse(header, "deadbee"));
        Assert.That(error!.Message, Does.Contain("deadbee").And.Contain("type(scope)!: description"));
        var other = ConventionalCommitParser.ParseOrOther(header);
        Assert.That(other.IsConventional, Is.False);
        Assert.That(other.Bump, Is.EqualTo(VersionBump.None));
        Assert.That(other.Description, Is.EqualTo(header.Trim()));
    }

    [Test]
    public void Colon_inside_description_and_hyphenated_type_are_kept()
    {
        var commit = ConventionalCommitParser.Parse("build-deps(nuget): bump x: 1.0 -> 2.0");
        Assert.That(commit.Type, Is.EqualTo("build-deps"));
        Assert.That(commit.Description, Is.EqualTo("bump x: 1.0 -> 2.0"));
    }

    [Test]
    public void Chore_docs_and_other_types_do_not_bump()
    {
        Assert.That(ConventionalCommitParser.Parse("docs: readme").Bump, Is.EqualTo(VersionBump.None));
        Assert.That(ConventionalCommitParser.Parse("chore(ci): cache").Bump, Is.EqualTo(VersionBump.None));
    }
}
