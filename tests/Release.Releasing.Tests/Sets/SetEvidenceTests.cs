using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Release.Process.Applications.Releases;
using Release.Process.Approvals;
using Release.Process.Evidence;
using Release.Testing.Git;

namespace Release.Releasing.Tests.Sets;

/// <summary>
/// The evidence of an application release (issue 14): two sets, the second changing only <c>api</c>; each bundle holds
/// the release manifest, every module's results for its pin (the carried <c>web</c>'s taken from the evidence of the
/// set that built it), votes, blessing, promotions (a batch) and a rollback; both verify against the roster's keys, and
/// a consistent rewrite of a module's scan result fails naming the file.
/// </summary>
/// <remarks>
/// Promotions and the rollback are appended to the sets' records signed with the CI job's roster key and chained
/// (<see cref="SetWorld.RecordPromotionAsync"/>, <see cref="SetResults.RecordRollbackAsync"/>), as the promotion and
/// rollback commands record them: those commands are tested on their own; here the evidence must carry what the trusted
/// record holds.
/// </remarks>
[NonParallelizable]
public class SetEvidenceTests
{
    private static async Task<(SetWorld World, ReleaseManifest First, ReleaseManifest Second)> TwoReleasedSetsAsync()
    {
        var world = await SetWorld.CreateAsync();
        await world.BothModulesPushedAsync();
        SetResults.Leave(world, "api", "api one");
        SetResults.Leave(world, "web", "web one");
        var first = await ReleasedAsync(world, "1.0.0");

        world.Source.WriteFile("modules/api/app.txt", "v2\n");
        await world.Source.CommitAsync("feat: api answers faster #2", SetWorld.Alice);
        world.NotBuilt("web");
        await world.PushedAsync("api", "1.1.0", "api two");
        SetResults.Leave(world, "api", "api two");
        var second = await ReleasedAsync(world, "1.1.0");
        return (world, first, second);
    }

    // Opened, promoted to the staging batch and pre-prod, voted, attested, blessed, promoted to production; notes and evidence written.
    private static async Task<ReleaseManifest> ReleasedAsync(SetWorld world, string version)
    {
        var id = $"shop.set-{version}";
        (await world.RunAsync("OpenSet", "--set", version)).Succeeded();
        var set = SetRecords.ManifestOf(ReleaseRecordJson.Deserialize(await world.RecordAsync(id), id))!;
        await world.RecordPromotionAsync(id, set.Digest.Value, "staging-eu");
        await world.RecordPromotionAsync(id, set.Digest.Value, "staging-us");
        await SetResults.RecordPromotionAsync(world, id, set.Digest.Value, "pre-prod");
        await world.VoteAndAttestAsync(version);
        (await world.RunAsync("BlessSet", "--set", version)).Succeeded();
        await SetResults.RecordPromotionAsync(world, id, set.Digest.Value, "production");
        if (version == "1.1.0") await SetResults.RecordRollbackAsync(world, id, "production", "1.0.0");
        (await world.RunAsync("ReleaseNotesSet", "--set", version)).Succeeded();
        var run = (await world.RunAsync("EvidenceSet", "--set", version)).Succeeded();
        Assert.That(run.Output, Does.Contain($"Evidence of application release {set.Title}").And.Contain("0 finding(s)"));
        return set;
    }

    private static string Bundle(SetWorld world, string version, string file) =>
        Path.Combine(world.Root, "artifacts", "application", "evidence", version, file);

    [Test]
    public async Task Both_sets_bundles_hold_the_manifest_every_modules_results_votes_promotions_and_rollback_and_verify()
    {
        var (world, first, second) = await TwoReleasedSetsAsync();
        using var _ = world;
        var trusted = world.Roster.TrustedKeysFile();
        foreach (var version in new[] { "1.0.0", "1.1.0" })
            Assert.That((await world.RunAsync("VerifyEvidenceSet", "--set", version, "--trusted-keys", trusted)).Succeeded().Output,
                Does.Contain($"Evidence of application release shop {version}").And.Contain("is intact").And.Contain("signed by trusted keys"));

        var manifest = await File.ReadAllTextAsync(Bundle(world, "1.1.0", "set/release-manifest.txt"));
        Assert.That(manifest, Is.EqualTo(second.Canonical));
        Assert.That("sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(manifest))), Is.EqualTo(second.Digest.Value));

        var modules = JsonNode.Parse(await File.ReadAllTextAsync(Bundle(world, "1.1.0", "set/modules.json")))!.AsArray();
        var api = modules.Single(m => (string?)m!["module"] == "api")!;
        var web = modules.Single(m => (string?)m!["module"] == "web")!;
        Assert.That((string?)api["change"], Is.EqualTo("Changed"));
        Assert.That((string?)api["resultsFrom"], Is.EqualTo("artifacts/modules/api (built in this pipeline)"));
        Assert.That((string?)web["change"], Is.EqualTo("Carried"));
        Assert.That((string?)web["builtIn"], Is.EqualTo("shop.set-1.0.0"));
        Assert.That((string?)web["resultsFrom"], Does.StartWith("the evidence of shop.set-1.0.0 (artifacts/application/evidence/1.0.0/modules/web)"));
        Assert.That((string?)web["imageDigest"], Is.EqualTo(first.PinOf("web")!.ImageDigest.Value));
        // The carried module's results are those its set's pipeline left, byte for byte; the changed module's are the new build's.
        foreach (var file in new[] { "scan/summary.json", "scan/sbom-image.cdx.json", "unit-tests/summary.json", "unit-tests/web.Tests.cobertura.xml", "push/push.json" })
            Assert.That(await File.ReadAllTextAsync(Bundle(world, "1.1.0", $"modules/web/{file}")),
                Is.EqualTo(await File.ReadAllTextAsync(Bundle(world, "1.0.0", $"modules/web/{file}"))), file);
        Assert.That(await File.ReadAllTextAsync(Bundle(world, "1.1.0", "modules/api/scan/summary.json")), Does.Contain("api two"));
        Assert.That(await File.ReadAllTextAsync(Bundle(world, "1.1.0", "findings.json")), Is.EqualTo("[]\n"));

        var votes = JsonNode.Parse(await File.ReadAllTextAsync(Bundle(world, "1.1.0", "record/votes.json")))!.AsArray();
        Assert.That(votes.Select(v => (string?)v!["voter"]), Is.EquivalentTo(new[] { "lead@example.com", "sre@example.com", "qa@example.com", "pm@example.com" }));
        var environments = JsonNode.Parse(await File.ReadAllTextAsync(Bundle(world, "1.1.0", "record/environments.json")))!;
        Assert.That((string?)environments["blessed"]![0]!["set"], Is.EqualTo(second.Digest.Value));
        var production = environments["environments"]!.AsArray().Single(e => (string?)e!["environment"] == "production")!["events"]!.AsArray();
        Assert.That(production.Select(e => (string?)e!["kind"]), Is.EqualTo(new[] { "promoted", "rolled back from this set" }));
        Assert.That((string?)production[1]!["to"], Is.EqualTo("1.0.0"));
        Assert.That(environments["batches"]!.AsArray().Single()!["environments"]!.AsArray().Select(e => (string?)e),
            Is.EqualTo(new[] { "staging-eu", "staging-us" }), "the two staging environments were promoted as one batch");
        Assert.That(await File.ReadAllTextAsync(Bundle(world, "1.1.0", "notes/RELEASE_NOTES.md")), Does.Contain("api 1.0.0 -> 1.1.0"));
    }

    [Test]
    public async Task A_module_result_rewritten_with_the_bundles_manifest_and_chain_fails_verification_naming_the_file()
    {
        var (world, _, _) = await TwoReleasedSetsAsync();
        using var __ = world;
        var trusted = world.Roster.TrustedKeysFile();
        // The carried web's scan result now says it found nothing critical twice over; every hash over it is recomputed:
        // the bundle's manifest and the chain link in the records repository.
        var bundle = Bundle(world, "1.1.0", "");
        var scan = Bundle(world, "1.1.0", "modules/web/scan/summary.json");
        await File.WriteAllTextAsync(scan, (await File.ReadAllTextAsync(scan)).Replace("\"high\":0", "\"high\":0,\"waived\":\"all\""));
        var files = Directory.EnumerateFiles(bundle, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(bundle, f)).Where(f => f is not ("manifest.json" or "manifest.dsse.json"))
            .Select(f => new EvidenceFile(f, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(bundle, f))))));
        var manifest = EvidenceManifest.Create("shop.set-1.1.0", files);
        var camel = new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
        await File.WriteAllTextAsync(Path.Combine(bundle, "manifest.json"), JsonSerializer.Serialize(new { manifest.ReleaseId, manifest.Hash, manifest.Files }, camel));
        using (var clone = await TempGitRepository.CloneAsync(world.Records.Path))
        {
            var chain = HashChain.FromLinks(JsonSerializer.Deserialize<List<ChainLink>>(await File.ReadAllTextAsync(Path.Combine(clone.Path, "evidence/chain.json")), camel)!);
            var relinked = HashChain.FromLinks(chain.Links.Where(l => l.ReleaseId != "shop.set-1.1.0").ToList()).Append(manifest);
            await File.WriteAllTextAsync(Path.Combine(clone.Path, "evidence/chain.json"), JsonSerializer.Serialize(relinked.Links, camel));
            await clone.CommitAsync("evidence: relink");
            await clone.GitAsync(["push", "-q", "origin", "HEAD:main"]);
        }

        var run = await world.RunAsync("VerifyEvidenceSet", "--set", "1.1.0", "--trusted-keys", trusted);
        Assert.That(run.Output, Does.Not.Contain("ChangedFile").And.Not.Contain("BrokenLink"), "the hashes alone agree again");
        run.Refused("the evidence of shop.set-1.1.0 is NOT intact", "modules/web/scan/summary.json: its SHA-256 in manifest.json is not the one signed",
            "is not the manifest that was signed", "chain link of shop.set-1.1.0 (hash");
        Assert.That(run.ExitCode, Is.Not.EqualTo(0));
        // Verifying the first set checks the whole chain too: its own files are intact, the rewritten link is named.
        var firstRun = (await world.RunAsync("VerifyEvidenceSet", "--set", "1.0.0", "--trusted-keys", trusted))
            .Refused("chain link of shop.set-1.1.0 (hash", "carries no signature over that hash");
        Assert.That(firstRun.Output, Does.Not.Contain("modules/web/scan/summary.json").And.Not.Contain("is not the manifest that was signed"));
    }

    [Test]
    public async Task A_carried_module_whose_results_are_nowhere_is_a_finding_named_in_the_bundle_and_the_log()
    {
        using var world = await SetWorld.CreateAsync();
        await world.BothModulesPushedAsync();
        (await world.RunAsync("OpenSet", "--set", "1.0.0")).Succeeded();
        world.NotBuilt("web");
        await world.PushedAsync("api", "1.1.0", "api two");
        SetResults.Leave(world, "api", "api two");
        (await world.RunAsync("OpenSet", "--set", "1.1.0")).Succeeded();

        // No evidence of 1.0.0 was written here, and this pipeline did not build web: its results are nowhere.
        var run = (await world.RunAsync("EvidenceSet", "--set", "1.1.0")).Succeeded();
        Assert.That(run.Output, Does.Contain("module 'web' 2.0.0: no results: this pipeline did not build it at its pin")
            .And.Contain("no intact evidence of a set that pins it (artifacts/application/evidence/1.0.0)"));
        var findings = JsonNode.Parse(await File.ReadAllTextAsync(Bundle(world, "1.1.0", "findings.json")))!.AsArray().Select(f => (string?)f).ToList();
        Assert.That(findings, Has.Some.StartsWith("module 'web' 2.0.0: no results"));
        Assert.That(findings, Has.Some.StartsWith("no release notes"));
        Assert.That(findings, Has.None.StartsWith("module 'api'"), "api's results are all here");
        Assert.That(Directory.Exists(Bundle(world, "1.1.0", "modules/web")), Is.False);
        var web = JsonNode.Parse(await File.ReadAllTextAsync(Bundle(world, "1.1.0", "set/modules.json")))!.AsArray().Single(m => (string?)m!["module"] == "web")!;
        Assert.That(web["resultsFrom"], Is.Null);
        Assert.That(await File.ReadAllTextAsync(Bundle(world, "1.1.0", "index.html")),
            Does.Contain("<td>web</td>").And.Contain("none found").And.Contain("module &#39;web&#39; 2.0.0: no results"));
    }
}
