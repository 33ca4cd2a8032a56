using System.Text;
using Release.Process.Evidence;

namespace Release.Process.Tests.Evidence;

public class EvidenceTests
{
    // A fresh copy per use: tests modify it.
    private static Dictionary<string, byte[]> Files() => new()
    {
        ["tests/unit.trx"] = Encoding.UTF8.GetBytes("<TestRun />"),
        ["scan/sbom.cdx.json"] = Encoding.UTF8.GetBytes("{\"bomFormat\":\"CycloneDX\"}"),
        ["notes.md"] = Encoding.UTF8.GetBytes("# 1.4.0"),
    };

    private static Dictionary<string, string> Hashes(Dictionary<string, byte[]> files) =>
        files.ToDictionary(p => p.Key, p => Sha256Hex.Of(p.Value));

    private static EvidenceManifest Manifest(string release = "director-1.4.0") =>
        EvidenceManifest.Create(release, Hashes(Files()).Select(p => new EvidenceFile(p.Key, p.Value)));

    private static HashChain Chain() => HashChain.Empty
        .Append(EvidenceManifest.Create("director-1.3.0", [new EvidenceFile("notes.md", Sha256Hex.Of("old"))]))
        .Append(Manifest());

    [Test]
    public void Sha256_matches_the_known_value()
    {
        Assert.That(Sha256Hex.Of(""), Is.EqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    }

    [Test]
    public void Manifest_is_sorted_and_its_hash_does_not_depend_on_input_order()
    {
        var reversed = EvidenceManifest.Create("director-1.4.0", Manifest().Files.Reverse().Select(f => f with { Path = f.Path.Replace('/', '\\') }));
        Assert.That(Manifest().Files.Select(f => f.Path), Is.EqualTo(new[] { "notes.md", "scan/sbom.cdx.json", "tests/unit.trx" }));
        Assert.That(reversed.Hash, Is.EqualTo(Manifest().Hash));
        Assert.That(Manifest("director-1.4.1").Hash, Is.Not.EqualTo(Manifest().Hash));
    }

    [TestCase("/etc/passwd")]
    [TestCase("../secrets.txt")]
    [TestCase("a/./b")]
    [TestCase("C:/x")]
    [TestCase("")]
    public void Escaping_paths_are_refused(string path)
    {
        var error = Assert.Throws<ArgumentException>(() => EvidenceManifest.Create("r1", [new EvidenceFile(path, Sha256Hex.Of("x"))]));
        Assert.That(error!.Message, Does.Contain("r1").And.Contain("relative"));
    }

    [Test]
    public void Duplicates_and_bad_hashes_are_refused()
    {
        Assert.That(Assert.Throws<ArgumentException>(() => EvidenceManifest.Create("r1", [new("a", Sha256Hex.Of("x")), new("a", Sha256Hex.Of("y"))]))!.Message, Does.Contain("twice"));
        Assert.That(Assert.Throws<ArgumentException>(() => EvidenceManifest.Create("r1", [new("a", "abc")]))!.Message, Does.Contain("'a'").And.Contain("SHA-256"));
    }

    [Test]
    public void Untouched_evidence_verifies_clean()
    {
        Assert.That(EvidenceVerifier.Verify(Manifest(), Hashes(Files()), Chain()), Is.Empty);
        Assert.That(Chain().Links[0].PreviousChainHash, Is.EqualTo(HashChain.Genesis));
        Assert.That(Chain().Links[1].PreviousChainHash, Is.EqualTo(Chain().Links[0].ChainHash));
    }

    [Test]
    public void A_tampered_missing_and_extra_file_are_each_reported_by_name()
    {
        var now = Files();
        now["tests/unit.trx"] = Encoding.UTF8.GetBytes("<TestRun outcome=\"Passed\" />");
        now["extra/backdoor.sh"] = [1, 2, 3];
        now.Remove("notes.md");
        var findings = EvidenceVerifier.Verify(Manifest(), Hashes(now), Chain());
        Assert.That(findings.Select(f => (f.Problem, f.Subject)), Is.EquivalentTo(new[]
        {
            (EvidenceProblem.ChangedFile, "tests/unit.trx"),
            (EvidenceProblem.MissingFile, "notes.md"),
            (EvidenceProblem.ExtraFile, "extra/backdoor.sh"),
        }));
        Assert.That(findings.Single(f => f.Problem == EvidenceProblem.ChangedFile).Detail, Does.Contain(Sha256Hex.Of(Files()["tests/unit.trx"])));
    }

    [Test]
    public void An_edited_earlier_link_breaks_the_chain_where_it_was_edited_and_after()
    {
        var links = Chain().Links.ToList();
        links[0] = links[0] with { ManifestHash = Sha256Hex.Of("rewritten history") };
        var findings = EvidenceVerifier.VerifyChain(HashChain.FromLinks(links));
        Assert.That(findings.Single().Problem, Is.EqualTo(EvidenceProblem.BrokenLink));
        Assert.That(findings.Single().Subject, Is.EqualTo("director-1.3.0"));

        // Re-hashing the edited link to hide the change breaks the next link instead.
        links[0] = links[0] with { ChainHash = HashChain.ComputeChainHash(HashChain.Genesis, links[0].ReleaseId, links[0].ManifestHash) };
        var rehashed = EvidenceVerifier.VerifyChain(HashChain.FromLinks(links));
        Assert.That(rehashed.Single().Subject, Is.EqualTo("director-1.4.0"));
        Assert.That(rehashed.Single().Detail, Does.Contain("should follow link 1 (director-1.3.0)"));
    }

    [Test]
    public void A_removed_link_and_a_changed_manifest_are_reported()
    {
        var withoutFirst = HashChain.FromLinks(Chain().Links.Skip(1));
        Assert.That(EvidenceVerifier.VerifyChain(withoutFirst).Single().Detail, Does.Contain("should follow genesis"));

        var changed = EvidenceManifest.Create("director-1.4.0", Manifest().Files.Take(2));
        var findings = EvidenceVerifier.Verify(changed, Hashes(Files()), Chain());
        Assert.That(findings.Select(f => f.Problem), Is.EquivalentTo(new[] { EvidenceProblem.ExtraFile, EvidenceProblem.ManifestChanged }));
        Assert.That(EvidenceVerifier.Verify(Manifest("director-9.9.9"), Hashes(Files()), Chain()).Single().Problem, Is.EqualTo(EvidenceProblem.ManifestNotInChain));
    }

    [Test]
    public void A_release_is_linked_once()
    {
        Assert.That(Assert.Throws<InvalidOperationException>(() => Chain().Append(Manifest()))!.Message, Does.Contain("director-1.4.0"));
    }
}
