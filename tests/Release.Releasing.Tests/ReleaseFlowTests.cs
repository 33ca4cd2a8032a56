using Release.Releasing.Tests.Support;
using Release.Testing.Git;
using Release.Testing.Registry;

namespace Release.Releasing.Tests;

/// <summary>
/// The whole release flow on a tiny module, with real git repositories and a real registry: two releases, each voted
/// by four people, blessed and promoted staging -> pre-prod -> production by digest through GitOps (production's own
/// environment repository receives a commit pinning the blessed image and chart digests); then production is rolled
/// back, which commits the previous blessed digests; evidence is written and verified, and tampering is caught.
/// The stage outputs are stand-ins written by the test; <see cref="SampleReleaseFlowTests"/> runs the same flow with the
/// real stages on the real sample and this repository's build definition.
/// </summary>
[NonParallelizable]
public class ReleaseFlowTests : RegistryTestBase
{
    [Test]
    public async Task Two_releases_are_voted_blessed_promoted_by_digest_rolled_back_and_their_evidence_verified()
    {
        using var world = await ReleaseWorld.CreateAsync(Registry);
        var (first, firstChart) = await ShipAsync(world, "0.1.0", "image one");

        world.Source.WriteFile("samples/director/app.txt", "v2\n");
        await world.Source.CommitAsync("feat(api): paging for lists #2", ReleaseWorld.Alice);
        var (second, secondChart) = await ShipAsync(world, "0.2.0", "image two");
        Assert.That(second, Is.Not.EqualTo(first));
        Assert.That(secondChart, Is.Not.EqualTo(firstChart));

        var notes = await File.ReadAllTextAsync(world.PathOf("artifacts/release/RELEASE_NOTES.md"));
        Assert.That(notes, Does.Contain("paging for lists").And.Contain("Previous blessed version: 0.1.0")
            .And.Contain("./build.sh Rollback --environment production --to 0.1.0"));

        (await world.RunAsync("Rollback", "--environment", "production", "--voter", "sre@example.com")).Succeeded();
        var deployed = await File.ReadAllTextAsync(world.PathOf("artifacts/modules/director/deploy/production.json"));
        Assert.That(deployed, Does.Contain(first).And.Contain("\"version\": \"0.1.0\"").And.Contain("\"deployer\": \"gitops\""));
        // The rollback is a GitOps commit that pins 0.1.0's blessed image and chart digests again.
        Assert.That(await world.GitopsHeadAsync(world.Production), Does.StartWith("sre@example.com\ndeploy(production): director 0.1.0")
            .And.Contain($"Chart: 0.1.0+g").And.Contain(firstChart).And.Contain($"production/director@{first}").And.Contain("Deployed-By: sre@example.com"));
        Assert.That(await world.GitopsFileAsync(world.Production, "production", "ocirepository.yaml"), Does.Contain(firstChart).And.Not.Contain(secondChart));
        Assert.That(await world.GitopsFileAsync(world.Production, "production", "values-configmap.yaml"), Does.Contain(first).And.Not.Contain(second));
        Assert.That(await world.RecordAsync("director-0.2.0"), Does.Contain("\"event\": \"rolledBack\"").And.Contain("\"toVersion\": \"0.1.0\""));
        using (var client = Registry.CreateClient())
            Assert.That((await client.ResolveDigestAsync("production/director", "0.1.0_g" + (await world.Source.GitAsync(["rev-parse", "--short=7", "HEAD~1"]))))?.ToString(), Is.EqualTo(first));

        // A version that never ran in production cannot be restored.
        (await world.RunAsync("Rollback", "--environment", "production", "--to", "9.9.9", "--voter", "sre@example.com"))
            .Refused("Cannot roll 'production' back to 9.9.9");

        // Both releases' evidence verifies; the chain has two links.
        (await world.RunAsync("VerifyEvidence", "--release", "0.1.0")).Succeeded();
        Assert.That((await world.RunAsync("VerifyEvidence", "--release", "0.2.0")).Succeeded().Output, Does.Contain("chain of 2 link(s)"));

        // Tampering with one file of the bundle is named.
        var junit = world.PathOf("artifacts/evidence/0.2.0/unit-tests/junit.xml");
        await File.WriteAllTextAsync(junit, "<testsuites tests=\"999\"/>\n");
        (await world.RunAsync("VerifyEvidence", "--release", "0.2.0")).Refused("NOT intact", "ChangedFile unit-tests/junit.xml");

        // Editing the chain in the records repository breaks its links.
        using var clone = await TempGitRepository.CloneAsync(world.Records.Path);
        var chain = await File.ReadAllTextAsync(Path.Combine(clone.Path, "evidence/chain.json"));
        var firstManifest = System.Text.Json.JsonDocument.Parse(chain).RootElement[0].GetProperty("manifestHash").GetString()!;
        await File.WriteAllTextAsync(Path.Combine(clone.Path, "evidence/chain.json"), chain.Replace(firstManifest, new string('a', 64)));
        await clone.CommitAsync("edit chain");
        await clone.GitAsync(["push", "-q", "origin", "HEAD:main"]);
        (await world.RunAsync("VerifyEvidence", "--release", "0.1.0")).Refused("BrokenLink director-0.1.0", "ManifestChanged director-0.1.0");
    }

    // One release end to end; returns its image and chart digests.
    internal static async Task<(string Image, string Chart)> ShipAsync(ReleaseWorld world, string version, string image, Func<Task>? beforeEvidence = null)
    {
        await world.OpenAsync();
        await world.StageOutputsAsync(image);
        var digest = world.PushedDigest;
        var chartDigest = world.ChartDigest;
        var productionCommits = await world.Production.ResolveAsync("refs/heads/main");
        (await world.RunAsync("ReleaseNotes", "QualityGate")).Succeeded();
        var channel = await File.ReadAllTextAsync(world.PathOf("artifacts/release/channel.json"));
        // Judged on the real scan of the image's components against the OSV mirror, whose newest advisory is an hour old.
        Assert.That(channel, Does.Contain("\"channel\": \"Stable\"").And.Contain("\"name\": \"OSV folder " + world.PathOf(".nuke/advisories")));
        (await world.RunAsync("Promote", "--release", version, "--to", "staging", "--voter", "ops@example.com")).Succeeded();
        (await world.RunAsync("Promote", "--release", version, "--to", "pre-prod", "--voter", "ops@example.com")).Succeeded();
        foreach (var environment in new[] { "staging", "pre-prod" })
        {
            Assert.That(await world.GitopsFileAsync(world.Environments, environment, "values-configmap.yaml"), Does.Contain(digest).And.Contain($"{environment}/director"));
            Assert.That(await world.GitopsFileAsync(world.Environments, environment, "ocirepository.yaml"), Does.Contain(chartDigest).And.Contain($"/{environment}/charts/director"));
        }
        Assert.That(await world.Production.ResolveAsync("refs/heads/main"), Is.EqualTo(productionCommits), "staging and pre-prod never touch production's repository");
        await world.VoteAndAttestAsync(version);
        (await world.RunAsync("Bless", "--release", version, "--voter", "lead@example.com")).Succeeded();
        (await world.RunAsync("Promote", "--release", version, "--to", "production", "--voter", "ops@example.com")).Succeeded();
        (await world.RunAsync("Tag", "--voter", "release.manager@example.com")).Succeeded();
        if (beforeEvidence is not null) await beforeEvidence();
        (await world.RunAsync("Evidence", "--release", version, "--voter", "release.manager@example.com")).Succeeded();

        var record = await world.RecordAsync("director-" + version);
        Assert.That(record, Does.Contain("\"event\": \"blessed\"").And.Contain(digest).And.Contain(chartDigest));

        // Production's environment repository received one commit pinning both blessed digests, naming version and who.
        Assert.That(await world.GitopsHeadAsync(world.Production), Does.StartWith($"ops@example.com\ndeploy(production): director {version}")
            .And.Contain($"Version: {version}").And.Contain(chartDigest).And.Contain($"/production/director@{digest}").And.Contain("Deployed-By: ops@example.com"));
        Assert.That(await world.GitopsFileAsync(world.Production, "production", "ocirepository.yaml"),
            Does.Contain($"digest: {chartDigest}").And.Contain($"oci://{world.Registry.Address}/production/charts/director"));
        Assert.That(await world.GitopsFileAsync(world.Production, "production", "values-configmap.yaml"), Does.Contain(digest).And.Contain("production/director"));
        foreach (var environment in new[] { "staging", "pre-prod", "production" })
        {
            Assert.That(record, Does.Contain($"\"environment\": \"{environment}\""));
            using var client = world.Registry.CreateClient();
            var tags = await client.ListTagsAsync($"{environment}/director");
            Assert.That(tags, Is.Not.Empty, $"{environment} repository");
            var chartTag = (await client.ListTagsAsync($"{environment}/charts/director")).Single(t => t.StartsWith(version + "_g", StringComparison.Ordinal));
            Assert.That((await client.ResolveDigestAsync($"{environment}/charts/director", chartTag))?.ToString(), Is.EqualTo(chartDigest), $"{environment} chart repository");
        }
        Assert.That(await world.Source.GitAsync(["tag", "--list", "v" + version]), Is.EqualTo("v" + version));
        Assert.That(File.Exists(world.PathOf($"artifacts/evidence/{version}/index.html")), Is.True);
        Assert.That(File.Exists(world.PathOf($"artifacts/evidence/{version}/manifest.json")), Is.True);
        return (digest, chartDigest);
    }
}
