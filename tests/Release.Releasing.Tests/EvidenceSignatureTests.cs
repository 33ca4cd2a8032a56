using System.Security.Cryptography;
using System.Text.Json;
using Release.Process.Evidence;
using Release.Releasing.Tests.Support;
using Release.Testing.Git;
using Release.Testing.Registry;

namespace Release.Releasing.Tests;

/// <summary>
/// Evidence is signed (a DSSE envelope around the manifest's in-toto statement, and every chain link), and
/// VerifyEvidence trusts only the keys given to it: a bundle rewritten consistently no longer verifies.
/// </summary>
[NonParallelizable]
public class EvidenceSignatureTests : RegistryTestBase
{
    [Test]
    public async Task A_consistent_rewrite_of_evidence_files_manifest_and_chain_fails_verification_naming_what_does_not_verify()
    {
        using var world = await ReleaseWorld.CreateAsync(Registry);
        await ReleaseFlowTests.ShipAsync(world, "0.1.0", "image evidence " + Guid.NewGuid());
        var trusted = world.Roster.TrustedKeysFile();
        Assert.That((await world.RunAsync("VerifyEvidence", "--release", "0.1.0", "--trusted-keys", trusted)).Succeeded().Output,
            Does.Contain("signed by trusted keys (--trusted-keys"));
        // Keys the auditor does not trust prove nothing, whatever the bundle says.
        (await world.RunAsync("VerifyEvidence", "--release", "0.1.0", "--trusted-keys", world.Roster.TrustedKeysFile("pm@example.com")))
            .Refused("NOT intact", "manifest.dsse.json does not verify with any trusted key", "not a trusted key");

        // A vote's e-mail changed, and everything that hashes it recomputed: the manifest and the chain in the records.
        var bundle = world.PathOf("artifacts/evidence/0.1.0");
        var votes = Path.Combine(bundle, "record/votes.json");
        await File.WriteAllTextAsync(votes, (await File.ReadAllTextAsync(votes)).Replace("pm@example.com", "someone.else@example.com"));
        var files = Directory.EnumerateFiles(bundle, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(bundle, f)).Where(f => f is not ("manifest.json" or "manifest.dsse.json"))
            .Select(f => new EvidenceFile(f, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(bundle, f))))));
        var manifest = EvidenceManifest.Create("director-0.1.0", files);
        var camel = new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
        await File.WriteAllTextAsync(Path.Combine(bundle, "manifest.json"), JsonSerializer.Serialize(new { manifest.ReleaseId, manifest.Hash, manifest.Files }, camel));
        using (var clone = await TempGitRepository.CloneAsync(world.Records.Path))
        {
            await File.WriteAllTextAsync(Path.Combine(clone.Path, "evidence/chain.json"), JsonSerializer.Serialize(HashChain.Empty.Append(manifest).Links, camel));
            await clone.CommitAsync("evidence: relink");
            await clone.GitAsync(["push", "-q", "origin", "HEAD:main"]);
        }
        // The hashes alone agree again ...
        var run = await world.RunAsync("VerifyEvidence", "--release", "0.1.0", "--trusted-keys", trusted);
        Assert.That(run.Output, Does.Not.Contain("ChangedFile").And.Not.Contain("BrokenLink"));
        // ... but the signatures name what was rewritten.
        run.Refused("NOT intact", "manifest.json (hash", "is not the manifest that was signed", "record/votes.json: its SHA-256 in manifest.json is not the one signed",
            "chain link of director-0.1.0 (hash", "carries no signature over that hash");
    }
}
