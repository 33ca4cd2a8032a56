using Release.Process.Notes;
using Release.Process.Versioning;
using Release.SemVer;

namespace Release.Process.Tests.Notes;

public class ReleaseNotesBuilderTests
{
    private static readonly IReadOnlyList<ConventionalCommit> Commits =
    [
        ConventionalCommitParser.ParseOrOther("feat(api): add paging (#12)", "aaaaaaa"),
        ConventionalCommitParser.ParseOrOther("fix: crash on <empty> basket\n\nRefs: PROJ-7", "bbbbbbb"),
        ConventionalCommitParser.ParseOrOther("perf(db): index orders", "ccccccc"),
        ConventionalCommitParser.ParseOrOther("refactor!: drop v1 endpoints\n\nBREAKING CHANGE: /v1 is gone\nuse /v2", "ddddddd"),
        ConventionalCommitParser.ParseOrOther("Merge branch 'develop' #12", "eeeeeee"),
        ConventionalCommitParser.ParseOrOther("chore: bump deps", "fffffff"),
    ];

    private static ReleaseNotesInput Input(SemanticVersion? blessed) => new("director", SemanticVersion.Parse("2.0.0"), SemanticVersion.Parse("1.3.0"),
        new DateOnly(2026, 11, 20), Commits, blessed);

    [Test]
    public void Commits_are_grouped_by_kind_in_fixed_order_and_breaking_ones_only_once()
    {
        var notes = ReleaseNotesBuilder.Build(Input(SemanticVersion.Parse("1.3.0")));
        Assert.That(notes.Sections.Select(s => s.Title), Is.EqualTo(new[] { "Breaking changes", "Features", "Fixes", "Performance", "Other" }));
        Assert.That(notes.Sections[0].Entries.Single().Text, Is.EqualTo("/v1 is gone\nuse /v2"));
        Assert.That(notes.Sections[4].Entries.Select(e => e.Sha), Is.EqualTo(new[] { "eeeeeee", "fffffff" }));
        Assert.That(notes.Issues, Is.EqualTo(new[] { "#12", "PROJ-7" }));
    }

    [Test]
    public void Markdown_has_sections_issues_and_the_exact_rollback_command()
    {
        var markdown = ReleaseNotesBuilder.Build(Input(SemanticVersion.Parse("1.3.0"))).Render();
        Assert.That(markdown, Does.StartWith("# director 2.0.0 (2026-11-20, changes since 1.3.0)\n\n## Breaking changes\n\n- /v1 is gone\n  use /v2 (ddddddd)\n"));
        Assert.That(markdown, Does.Contain("## Features\n\n- **api:** add paging (#12) (aaaaaaa) #12\n"));
        Assert.That(markdown, Does.Contain("- crash on &lt;empty&gt; basket (bbbbbbb) PROJ-7\n"));
        Assert.That(markdown, Does.Contain("## Referenced issues\n\n- #12\n- PROJ-7\n"));
        Assert.That(markdown, Does.EndWith("```sh\n./build.sh Rollback --environment production --to 1.3.0\n```\n"));
    }

    [Test]
    public void Without_a_previous_blessed_release_the_notes_say_so()
    {
        var markdown = ReleaseNotesBuilder.Build(Input(null)).Render();
        Assert.That(markdown, Does.Contain("No earlier blessed release exists in production").And.Not.Contain("build.sh"));
    }

    [Test]
    public void First_release_without_commits_renders()
    {
        var notes = ReleaseNotesBuilder.Build(new ReleaseNotesInput("director", SemanticVersion.Parse("0.1.0"), null, new DateOnly(2026, 1, 2), [], null));
        Assert.That(notes.Render(), Does.StartWith("# director 0.1.0 (2026-01-02, first release)\n\nNo changes.\n"));
    }

    [Test]
    public void A_previous_version_not_lower_is_refused()
    {
        var input = Input(null) with { PreviousVersion = SemanticVersion.Parse("2.0.0") };
        Assert.That(Assert.Throws<ArgumentException>(() => ReleaseNotesBuilder.Build(input))!.Message, Does.Contain("previous version 2.0.0 is not lower"));
    }
}
