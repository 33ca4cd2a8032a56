using Release.Process.Applications.Releases;
using Release.Process.Evidence;
using static Release.Process.Tests.Applications.Releases.SetFixture;

namespace Release.Process.Tests.Applications.Releases;

public class ReleaseManifestTests
{
    [Test]
    public void The_canonical_form_lists_modules_by_name_and_the_digest_is_its_sha256()
    {
        var manifest = First();
        Assert.That(manifest.Canonical, Is.EqualTo(
            "release-manifest/v1\napplication shop\nversion 1.0.0\n" +
            $"module director 1.0.0 {Hex('a')} {Hex('b')}\n" +
            $"module gateway 0.3.0 {Hex('e')} {Hex('f')}\n" +
            $"module ledger 2.0.0 {Hex('c')} {Hex('d')}\n"));
        Assert.That(manifest.Digest.Value, Is.EqualTo("sha256:" + Sha256Hex.Of(manifest.Canonical)));
    }

    [Test]
    public void The_digest_names_the_set_whatever_order_the_modules_come_in_and_changes_with_any_pin()
    {
        var reordered = ReleaseManifest.Create("shop", V("1.0.0"), First().Modules.Reverse());
        Assert.That(reordered.Digest, Is.EqualTo(First().Digest));
        var otherChart = ReleaseManifest.Create("shop", V("1.0.0"),
            First().Modules.Select(p => p.Module == "ledger" ? p with { ChartDigest = Pin("x", "1.0.0", '8').ChartDigest } : p));
        Assert.That(otherChart.Digest, Is.Not.EqualTo(First().Digest));
        Assert.That(ReleaseManifest.Create("shop", V("1.0.1"), First().Modules).Digest, Is.Not.EqualTo(First().Digest));
    }

    [Test]
    public void The_canonical_form_reads_back_to_the_same_set()
    {
        var read = ReleaseManifest.Parse(First().Canonical, "records/shop/1.0.0/manifest");
        Assert.That(read.Digest, Is.EqualTo(First().Digest));
        Assert.That(read.PinOf("Gateway")!.Version.ToString(), Is.EqualTo("0.3.0"));
    }

    [Test]
    public void A_text_not_in_canonical_form_is_refused_naming_the_place_and_line()
    {
        var unsorted = First().Canonical.Split('\n');
        (unsorted[3], unsorted[4]) = (unsorted[4], unsorted[3]);
        var error = Assert.Throws<ReleaseSetException>(() => ReleaseManifest.Parse(string.Join('\n', unsorted), "records/m"));
        Assert.That(error!.Message, Does.StartWith("records/m, line 1: the text is not in canonical form"));

        var tag = First().Canonical.Replace(Hex('e'), "0.3.0", StringComparison.Ordinal);
        Assert.That(Assert.Throws<ReleaseSetException>(() => ReleaseManifest.Parse(tag, "records/m"))!.Message,
            Does.StartWith("records/m, line 5: Image digest of module 'gateway'").And.Contain("not a digest"));
        Assert.That(Assert.Throws<ReleaseSetException>(() => ReleaseManifest.Parse(First().Canonical.TrimEnd('\n'), "records/m"))!.Message,
            Does.Contain("line 6: the text must end with a line break"));
        Assert.That(Assert.Throws<ReleaseSetException>(() => ReleaseManifest.Parse("{}", "records/m"))!.Message,
            Does.Contain("line 1: expected 'release-manifest/v1'"));
    }

    [Test]
    public void A_module_twice_a_name_with_spaces_or_no_module_is_refused()
    {
        var error = Assert.Throws<ReleaseSetException>(() => ReleaseManifest.Create("my shop", V("1.0.0"), [Pin("ledger", "1.0.0", 'a'), Pin("Ledger", "1.0.1", 'c')]));
        Assert.That(error!.Problems, Has.Some.Contains("Application name 'my shop'"));
        Assert.That(error.Problems, Has.Some.Contains("pins module 'ledger' 2 times"));
        Assert.That(Assert.Throws<ReleaseSetException>(() => ReleaseManifest.Create("shop", V("1.0.0"), []))!.Message, Does.Contain("pins no module"));
    }
}
