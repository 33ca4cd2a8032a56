using Release.Process.Applications.Releases;
using static Release.Process.Tests.Applications.Releases.SetFixture;

namespace Release.Process.Tests.Applications.Releases;

public class NextReleaseSetTests
{
    [Test]
    public void A_first_release_pins_every_module_built()
    {
        var next = NextReleaseSet.Make(Sample(), "shop", V("1.0.0"), First().Modules, previous: null);
        Assert.That(next.Manifest.Digest, Is.EqualTo(First().Digest));
        Assert.That(next.Added, Is.EqualTo(new[] { "director", "ledger", "gateway" }));
        Assert.That(next.Changed, Is.Empty);
    }

    [Test]
    public void A_module_not_built_is_carried_at_its_pinned_digest_and_only_the_changed_one_differs()
    {
        var next = NextReleaseSet.Make(Sample(), "shop", V("1.1.0"), [Pin("ledger", "2.1.0", '1')], First());
        Assert.Multiple(() =>
        {
            Assert.That(next.Manifest.Digest, Is.EqualTo(Second().Digest));
            Assert.That(next.Changed, Is.EqualTo(new[] { "ledger" }));
            Assert.That(next.Carried, Is.EqualTo(new[] { "director", "gateway" }));
            Assert.That(next.Manifest.PinOf("director"), Is.EqualTo(First().PinOf("director")));
            Assert.That(next.Previous!.Digest, Is.EqualTo(First().Digest));
            Assert.That(next.Changes.Select(c => c.Line), Is.EqualTo(new[] { "director 1.0.0 (unchanged)", "gateway 0.3.0 (unchanged)", "ledger 2.0.0 -> 2.1.0" }));
        });
    }

    [Test]
    public void A_module_built_again_to_the_same_artefacts_counts_as_carried()
    {
        var next = NextReleaseSet.Make(Sample(), "shop", V("1.0.1"), [Pin("director", "1.0.0", 'a')], First());
        Assert.That(next.Changed, Is.Empty);
        Assert.That(next.Carried, Is.EqualTo(new[] { "director", "ledger", "gateway" }));
    }

    [Test]
    public void A_module_version_rebuilt_with_another_digest_is_an_overwritten_version()
    {
        var error = Assert.Throws<ReleaseSetException>(() => NextReleaseSet.Make(Sample(), "shop", V("1.1.0"), [Pin("ledger", "2.0.0", '7')], First()));
        Assert.That(error!.Problems.Single(), Does.StartWith("Overwritten version: module 'ledger' 2.0.0 is pinned in shop 1.0.0")
            .And.Contain(Hex('c')).And.Contain(Hex('7')).And.Contain("new version"));
    }

    [Test]
    public void Every_problem_is_named_a_module_nobody_built_a_stray_module_and_a_version_not_above_the_previous()
    {
        var error = Assert.Throws<ReleaseSetException>(() => NextReleaseSet.Make(Sample(), "shop", V("1.0.0"),
            [Pin("director", "1.0.0", 'a'), Pin("billing", "1.0.0", '3')], previous: null));
        Assert.That(error!.Problems, Has.Some.StartsWith("Module 'billing' was built for release shop 1.0.0 but the application does not declare it"));
        Assert.That(error.Problems, Has.Some.StartsWith("Module 'ledger' of release shop 1.0.0 was not built in this pipeline and there is no previous release"));
        Assert.That(error.Problems, Has.Some.StartsWith("Module 'gateway'"));

        var lower = Assert.Throws<ReleaseSetException>(() => NextReleaseSet.Make(Sample(), "shop", V("1.0.0"), [], First()));
        Assert.That(lower!.Problems.Single(), Does.Contain("Version 1.0.0 of shop is not above the previous release 1.0.0"));
    }

    [Test]
    public void A_module_the_application_dropped_is_reported_as_removed()
    {
        var graph = Release.Process.Applications.ModuleGraph.Create([new("director", []), new("ledger", [])]);
        var next = NextReleaseSet.Make(graph, "shop", V("2.0.0"), [], First());
        Assert.That(next.Removed, Is.EqualTo(new[] { "gateway" }));
        Assert.That(next.Changes.Select(c => c.Line), Has.Member("gateway 0.3.0 (removed)"));
        Assert.That(SetChanges.Between(null, First()).Select(c => c.Kind), Is.All.EqualTo(ModuleChangeKind.Added));
        Assert.That(next.Manifest.Modules.Select(p => p.Module), Is.EqualTo(new[] { "director", "ledger" }));
    }
}
