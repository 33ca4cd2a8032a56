using Release.Process.Applications.Releases;
using Release.Process.Notes;
using Release.Process.Versioning;
using static Release.Process.Tests.Applications.Releases.SetFixture;

namespace Release.Process.Tests.Applications.Releases;

public class SetNotesTests
{
    private static ReleaseNotes LedgerNotes() => ReleaseNotesBuilder.Build(new ReleaseNotesInput("ledger", V("2.1.0"), V("2.0.0"), new DateOnly(2026, 11, 20),
        [ConventionalCommitParser.ParseOrOther("feat: <b>monthly</b> statements (#31)", "aaaaaaa")], V("2.0.0")));

    [Test]
    public void The_notes_list_every_module_since_the_previous_set_the_changed_modules_commits_and_the_set_rollback()
    {
        var next = NextReleaseSet.Make(Sample(), "shop", V("1.1.0"), [Pin("ledger", "2.1.0", '1')], First());
        var markdown = SetNotes.Render(next, new Dictionary<string, ReleaseNotes> { ["ledger"] = LedgerNotes() }, Blessed(First()));
        Assert.That(markdown, Does.StartWith($"# shop 1.1.0\n\nSet `{Second().Digest}`.\n\n## Modules\n\n" +
                                             "- director 1.0.0 (unchanged)\n- gateway 0.3.0 (unchanged)\n- ledger 2.0.0 -> 2.1.0\n\n"));
        Assert.That(markdown, Does.Contain("## ledger 2.0.0 -> 2.1.0\n\n### Features\n\n- &lt;b&gt;monthly&lt;/b&gt; statements (#31) (aaaaaaa) #31\n"));
        Assert.That(markdown, Does.Not.Contain("## director"), "an unchanged module has no section");
        Assert.That(markdown, Does.EndWith($"Previous blessed set: shop 1.0.0 (`{First().Digest}`). To restore it in production:\n\n" +
                                           "```sh\n./build.sh Rollback --environment production --to 1.0.0\n```\n"));
    }

    [Test]
    public void A_changed_module_without_notes_is_refused_and_a_first_release_says_it_cannot_be_rolled_back()
    {
        var next = NextReleaseSet.Make(Sample(), "shop", V("1.1.0"), [Pin("ledger", "2.1.0", '1')], First());
        Assert.That(Assert.Throws<ReleaseSetException>(() => SetNotes.Render(next, new Dictionary<string, ReleaseNotes>(), null))!.Message,
            Does.Contain("'ledger' has none: make them with ReleaseNotes"));
        var first = NextReleaseSet.Make(Sample(), "shop", V("1.0.0"), First().Modules, null);
        var notes = First().Modules.ToDictionary(p => p.Module, _ => LedgerNotes());
        Assert.That(SetNotes.Render(first, notes, null), Does.EndWith("No earlier blessed set exists in production: this release cannot be rolled back; fix forward.\n"));
    }
}
