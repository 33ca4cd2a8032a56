using Release.Testing;
using System.Text.Json;
using Release.Delivery.Chart;
using Release.Engine;
using Release.Releasing.Tests.Support;
using Release.Testing.Registry;
using Release.Testing.Voting;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;

namespace Release.Releasing.Tests;

/// <summary>
/// Issue 6's acceptance flow on the real sample, end to end, with this repository's own build definition (build/*.cs,
/// run in-process; only the release clock is set: the host is given a FakeTimeProvider).
/// <para>
/// Real: the module is this repository's <c>samples/director</c>, committed by a developer to a git repository with a
/// bare remote; <c>Pipeline</c> runs all eight stages on it (Clone from the remote, Build compiles and builds the image
/// on the embedded base, UnitTest with coverage, Scan against an OSV mirror, Push and Chart to a real registry process,
/// Deploy runs the image locally, Integrate runs the sample's integration tests against it); the quality gate scores
/// those results; the release record lives in a bare git repository, one commit per event; four different people vote
/// Go in the four roles and the owning roles attest the checklist; Bless records the pushed digests; Promote copies image
/// and chart by digest into the registry's staging, pre-prod and production repositories and deploys each through the
/// GitOps deployer (commits in a bare environment repository pinning both digests); Tag pushes the release tag to the
/// remote; Evidence links each bundle into the hash chain. Then a second release from a new commit, a rollback of
/// production to the first, and both bundles verified.
/// </para>
/// <para>
/// Not real: the clock of the release process (a weekday at 16:01 IST, inside the seed voting window, whatever day the
/// test runs), and the OSV mirror, which the test writes with one advisory dated an hour before that clock.
/// </para>
/// </summary>
[NonParallelizable]
public class SampleReleaseFlowTests : RegistryTestBase
{
    private const string ReleaseManager = SampleReleaseWorld.ReleaseManager;
    private static readonly string Sre = SeedApprovals.VoterOf("sre");
    // The pipeline ships an application (here of one module): DeployApplication and IntegrateApplication end it.
    private static readonly string[] Stages = ["Clone", "Build", "UnitTest", "Scan", "Push", "Chart", "DeployApplication", "IntegrateApplication"];
    [Test]
    public async Task The_sample_is_built_on_main_gated_voted_by_four_people_blessed_promoted_to_production_through_GitOps_rolled_back_and_its_evidence_verified()
    {
        using var world = await SampleReleaseWorld.CreateAsync(Registry, RepositoryFile("samples/director"));

        var first = await ReleaseAsync(world, "1.0.1", previous: null);

        // Release 2: the developer fixes forward with a new feature on main.
        var program = Path.Combine(world.DeveloperClone.Path, "samples/director/src/Director/Program.cs");
        await File.AppendAllTextAsync(program, "\n// The deployment windows API is documented in NOTES.md.\n");
        world.DeveloperClone.WriteFile("samples/director/NOTES.md", "Operators: the director answers /health, /version and the deployment windows API.\n");
        await world.DeveloperClone.CommitAsync("feat(api): document the deployment windows API #3", SampleReleaseWorld.Developer);
        await world.PushAsync();
        var second = await ReleaseAsync(world, "1.1.0", previous: first);
        Assert.That(second.Image, Is.Not.EqualTo(first.Image), "a new commit is a new image");
        Assert.That(second.Chart, Is.Not.EqualTo(first.Chart), "and a new chart");

        // Production is backed out to release 1 in one command, by the SRE: its blessed digests, through GitOps.
        var gitopsCommits = await world.GitopsCommitsAsync();
        (await world.RunAsync("Rollback", "--environment", "production", "--voter", Sre)).Succeeded();
        var deployed = await world.ReadAsync<DeploymentRecord>(world.Paths.DeploymentRecord("production"), "Rollback");
        Assert.That((deployed.Version, deployed.ImageDigest, deployed.Deployer, deployed.DeployedBy), Is.EqualTo(("1.0.1", first.Image, "gitops", Sre)));
        Assert.That(await world.GitopsCommitsAsync(), Is.EqualTo(gitopsCommits + 1), "one GitOps commit");
        Assert.That(await world.GitopsHeadAsync(), Does.StartWith($"{Sre}\ndeploy(production): director 1.0.1")
            .And.Contain($"Chart: {first.ChartVersion} ({first.Chart})").And.Contain($"/production/director@{first.Image}")
            .And.Contain($"Source-Commit: {first.Commit[..7]}").And.Contain($"Deployed-By: {Sre}"));
        Assert.That(await world.GitopsFileAsync("production", "ocirepository.yaml"), Does.Contain($"digest: {first.Chart}").And.Not.Contain(second.Chart));
        Assert.That(await world.GitopsFileAsync("production", "values-configmap.yaml"), Does.Contain($"digest: {first.Image}").And.Not.Contain(second.Image));
        var rolledBack = Events(await world.RecordAsync("director-1.1.0")).Single(e => e.GetProperty("event").GetString() == "rolledBack");
        Assert.That((rolledBack.GetProperty("environment").GetString(), rolledBack.GetProperty("toVersion").GetString(), rolledBack.GetProperty("by").GetString()),
            Is.EqualTo(("production", "1.0.1", Sre)));

        // Both releases are still in production's repositories, each tag on its own digest.
        using (var client = Registry.CreateClient())
        {
            foreach (var release in new[] { first, second })
            {
                Assert.That((await client.ResolveDigestAsync("production/director", release.Tag))?.ToString(), Is.EqualTo(release.Image), release.Version);
                Assert.That((await client.ResolveDigestAsync("production/charts/director", release.Tag))?.ToString(), Is.EqualTo(release.Chart), release.Version);
            }
        }

        // Both bundles verify against their manifests and the two-link chain in the records repository.
        Assert.That((await world.RunAsync("VerifyEvidence", "--release", "1.0.1")).Succeeded().Output,
            Does.Contain("Evidence of director-1.0.1 is intact").And.Contain("chain of 2 link(s)"));
        Assert.That((await world.RunAsync("VerifyEvidence", "--release", "1.1.0")).Succeeded().Output,
            Does.Contain("Evidence of director-1.1.0 is intact").And.Contain("chain of 2 link(s)"));
    }

    /// <summary>What one release shipped.</summary>
    private sealed record Shipped(string Version, string Commit, string Tag, string ChartVersion, string Image, string Chart);

    // One release of the sample, from the pipeline on main to its evidence; asserts each step's real outcome.
    private static async Task<Shipped> ReleaseAsync(SampleReleaseWorld world, string version, Shipped? previous)
    {
        var paths = world.Paths;
        var commit = await world.Source.ResolveAsync("refs/heads/main");

        // The eight stages on the sample, cloned from the remote.
        var pipeline = (await world.RunAsync("Pipeline")).Succeeded();
        foreach (var stage in Stages)
            Assert.That(pipeline.Statuses.GetValueOrDefault(stage), Is.EqualTo(TargetStatus.Succeeded), $"{stage} of {version}:\n{pipeline.Output}");
        var source = await world.ReadAsync<SourceRecord>(paths.SourceRecord, "Clone");
        Assert.That((source.Commit, source.Branch, source.Version, source.AuthorEmail), Is.EqualTo((commit, "main", version, SampleReleaseWorld.Developer.Email)));
        var built = await world.ReadAsync<ImageRecord>(paths.ImageRecord, "Build");
        var push = await world.ReadAsync<PushRecord>(paths.PushRecord, "Push");
        var chart = await world.ReadAsync<ChartRecord>(paths.ChartRecord, "Chart");
        Assert.That((built.Labels["org.opencontainers.image.revision"], built.Labels["org.opencontainers.image.version"]), Is.EqualTo((commit, version)),
            "the image is built from the released commit and carries its version");
        Assert.That(push.Registry, Is.EqualTo(world.Registry.Address));
        Assert.That(push.Digest, Is.EqualTo(built.Digest), "Push copies Build's image by digest");
        Assert.That(chart.Version, Is.EqualTo(source.ChartVersion));
        Assert.That(chart.ImageReference, Is.EqualTo($"{push.Registry}/{push.Repository}@{push.Digest}"), "the chart pins the pushed digest");
        using (var client = world.Registry.CreateClient())
        {
            Assert.That((await client.ResolveDigestAsync(push.Repository, push.Tag))?.ToString(), Is.EqualTo(push.Digest));
            // Helm's OCI tag is the chart version with '+' as '_'.
            Assert.That((await client.ResolveDigestAsync(ChartLocation.From(chart).Repository, chart.Version.Replace('+', '_')))?.ToString(), Is.EqualTo(chart.ManifestDigest));
        }
        var unit = await world.ReadAsync<UnitTestSummary>(paths.UnitTestSummary, "UnitTest");
        Assert.That(unit.Failed, Is.Zero);
        Assert.That(unit.Passed, Is.GreaterThan(10), "the sample's unit tests ran");
        var local = await world.ReadAsync<DeploymentRecord>(paths.DeploymentRecord("local"), "Deploy");
        Assert.That((local.Deployer, local.Version, local.ImageDigest), Is.EqualTo(("local", version, push.Digest)));
        var integration = await world.ReadAsync<IntegrationSummary>(paths.IntegrationSummary, "IntegrateApplication");
        Assert.That((integration.Failed, integration.Url), Is.EqualTo((0, local.Url)));
        Assert.That(integration.Passed, Is.GreaterThan(0));
        using (var scan = JsonDocument.Parse(await File.ReadAllTextAsync(paths.ScanSummary)))
            Assert.That(scan.RootElement.GetProperty("sourcesAsOf").EnumerateObject().Single().Value.GetDateTimeOffset(), Is.EqualTo(world.AdvisoryDataAsOf),
                "the OSV mirror's data date, read from its advisories");

        // The automated gate: Stable, from the pipeline's own results.
        (await world.RunAsync("QualityGate", "--skip")).Succeeded();
        using (var channel = JsonDocument.Parse(await File.ReadAllTextAsync(world.PathOf("artifacts/release/channel.json"))))
        {
            var root = channel.RootElement;
            Assert.That((root.GetProperty("version").GetString(), root.GetProperty("channel").GetString(), root.GetProperty("releasable").GetBoolean()),
                Is.EqualTo((version, "Stable", true)), root.ToString());
            Assert.That(root.GetProperty("failures").GetArrayLength(), Is.Zero, root.ToString());
        }

        // The release manager opens the release; the developer who wrote it cannot approve it.
        (await world.RunAsync("OpenRelease", "--triggered-by", ReleaseManager)).Succeeded();
        var created = Events(await world.RecordAsync("director-" + version)).Single(e => e.GetProperty("event").GetString() == "created");
        Assert.That((created.GetProperty("commit").GetString(), created.GetProperty("branch").GetString(), created.GetProperty("triggeredBy").GetString()),
            Is.EqualTo((commit, "main", ReleaseManager)));
        Assert.That(created.GetProperty("authors").EnumerateArray().Select(a => a.GetString()), Does.Contain(SampleReleaseWorld.Developer.Email));
        (await world.RunAsync("Vote", "--role", "module-lead", "--decision", "go", "--reason", "my change is fine", "--voter", SampleReleaseWorld.Developer.Email))
            .Refused("authored changes in this release");

        // The checklist: attested in the owning roles; the rest is the pipeline's own evidence (the pull requests' links,
        // the release notes), and QA's pre-prod suite waits for pre-prod. Then four people vote Go.
        var attested = SeedApprovals.Attested
            .Where(a => a.Item is not (SeedApprovals.PullRequestsLinked or SeedApprovals.ReleaseNotesReady or SeedApprovals.QaSuitePreProd));
        foreach (var (item, role) in attested)
            (await world.RunAsync("Attest", "--item", item, "--role", role, "--text", $"{item}: https://wiki.example.com/director/{version}",
                "--voter", SeedApprovals.VoterOf(role))).Succeeded();
        foreach (var (role, voter) in SeedApprovals.Voters)
            (await world.RunAsync("Vote", "--role", role, "--decision", "go", "--reason", "ready", "--voter", voter)).Succeeded();
        (await world.RunAsync("ReleaseNotes")).Succeeded();
        var notes = await File.ReadAllTextAsync(world.PathOf("artifacts/release/RELEASE_NOTES.md"));
        if (previous is not null)
            Assert.That(notes, Does.Contain("document the deployment windows API").And.Contain($"Previous blessed version: {previous.Version}")
                .And.Contain($"./build.sh Rollback --environment production --to {previous.Version}")
                .And.Not.Contain("operator notes for the director"), "only the commits since the previous release's tag");

        // Not blessed before the QA suite has run with the release on pre-prod: the local Integrate run is no evidence of
        // it, and QA cannot attest it before the release is there.
        if (previous is null)
        {
            (await world.RunAsync("Bless", "--voter", ReleaseManager)).Refused("cannot be blessed", "Checklist item 'qa-suite-preprod'");
            (await world.RunAsync("Attest", "--item", SeedApprovals.QaSuitePreProd, "--role", "qa", "--text", "QA suite green",
                "--voter", SeedApprovals.VoterOf("qa"))).Refused("is about pre-prod", "has not been promoted to pre-prod");
        }

        // Staging and pre-prod in one go, by digest, each through its GitOps commit.
        (await world.RunAsync("Promote", "--to", "staging,pre-prod", "--voter", ReleaseManager)).Succeeded();
        foreach (var environment in new[] { "staging", "pre-prod" })
        {
            Assert.That(await world.GitopsFileAsync(environment, "values-configmap.yaml"),
                Does.Contain($"repository: {world.Registry.Address}/{environment}/director").And.Contain($"digest: {push.Digest}"));
            Assert.That(await world.GitopsFileAsync(environment, "ocirepository.yaml"),
                Does.Contain($"oci://{world.Registry.Address}/{environment}/charts/director").And.Contain($"digest: {chart.ManifestDigest}"));
        }

        // Pre-prod is a cluster this machine cannot reach (GitOps only): QA runs its suite there and attests the run.
        (await world.RunAsync("Attest", "--item", SeedApprovals.QaSuitePreProd, "--role", "qa", "--text",
            $"QA suite on pre-prod: https://qa.example.com/runs/director/{version}", "--voter", SeedApprovals.VoterOf("qa"))).Succeeded();
        (await world.RunAsync("Bless", "--voter", ReleaseManager)).Succeeded();
        var blessed = Events(await world.RecordAsync("director-" + version)).Single(e => e.GetProperty("event").GetString() == "blessed");
        Assert.That((blessed.GetProperty("imageDigest").GetString(), blessed.GetProperty("chartDigest").GetString()), Is.EqualTo((push.Digest, chart.ManifestDigest)));

        // Production only through GitOps: one commit pinning the blessed image and chart digests.
        var gitopsCommits = await world.GitopsCommitsAsync();
        (await world.RunAsync("Promote", "--to", "production", "--voter", ReleaseManager)).Succeeded();
        Assert.That(await world.GitopsCommitsAsync(), Is.EqualTo(gitopsCommits + 1));
        Assert.That(await world.GitopsHeadAsync(), Does.StartWith($"{ReleaseManager}\ndeploy(production): director {version}")
            .And.Contain($"Version: {version}").And.Contain($"Chart: {chart.Version} ({chart.ManifestDigest})")
            .And.Contain($"Image: {world.Registry.Address}/production/director@{push.Digest}").And.Contain($"Deployed-By: {ReleaseManager}"));
        Assert.That(await world.GitopsFileAsync("production", "ocirepository.yaml"), Does.Contain($"digest: {chart.ManifestDigest}"));
        Assert.That(await world.GitopsFileAsync("production", "values-configmap.yaml"), Does.Contain($"digest: {push.Digest}"));
        var production = await world.ReadAsync<DeploymentRecord>(paths.DeploymentRecord("production"), "Promote");
        Assert.That((production.Version, production.ImageDigest, production.Deployer), Is.EqualTo((version, push.Digest, "gitops")));
        var events = Events(await world.RecordAsync("director-" + version));
        Assert.That(events.Where(e => !e.TryGetProperty("signature", out _)).Select(e => e.GetProperty("event").GetString()), Is.Empty,
            "every event is signed by its actor's key (build/release-roster)");
        var promotions = events.Where(e => e.GetProperty("event").GetString() == "promoted").ToArray();
        Assert.That(promotions.Select(p => p.GetProperty("environment").GetString()), Is.EqualTo(new[] { "staging", "pre-prod", "production" }));
        Assert.That(promotions.Select(p => p.GetProperty("imageDigest").GetString()).Distinct(), Is.EqualTo(new[] { push.Digest }));
        var tag = chart.Version.Replace('+', '_');
        using (var client = world.Registry.CreateClient())
            foreach (var environment in new[] { "staging", "pre-prod", "production" })
            {
                Assert.That((await client.ResolveDigestAsync($"{environment}/director", tag))?.ToString(), Is.EqualTo(push.Digest), environment);
                Assert.That((await client.ResolveDigestAsync($"{environment}/charts/director", tag))?.ToString(), Is.EqualTo(chart.ManifestDigest), environment);
            }

        // The release tag on the built commit, in the module's remote; then the evidence bundle, linked into the chain.
        (await world.RunAsync("Tag", "--voter", ReleaseManager)).Succeeded();
        Assert.That(await world.Source.ResolveAsync($"refs/tags/v{version}^{{commit}}"), Is.EqualTo(commit));
        (await world.RunAsync("Evidence", "--voter", ReleaseManager)).Succeeded();
        var evidence = world.PathOf($"artifacts/evidence/{version}");
        foreach (var file in new[] { "manifest.json", "index.html", "record/votes.json", "record/checklist.json", "source/commits.json", "images/push.json",
                     "images/chart.json", "quality/channel.json", "notes/RELEASE_NOTES.md", "scan/summary.json", "integration/summary.json", "unit-tests/summary.json" })
            Assert.That(Path.Combine(evidence, file), Does.Exist);
        using (var votes = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(evidence, "record/votes.json"))))
            Assert.That(votes.RootElement.EnumerateArray().Select(v => v.GetProperty("voter").GetString()).Distinct().Count(), Is.EqualTo(4));
        Assert.That((await world.RunAsync("VerifyEvidence", "--release", version)).Succeeded().Output,
            Does.Contain($"chain of {(previous is null ? 1 : 2)} link(s)"));

        return new Shipped(version, commit, tag, chart.Version, push.Digest, chart.ManifestDigest);
    }

    private static JsonElement[] Events(string record) => JsonDocument.Parse(record).RootElement.GetProperty("events").EnumerateArray().ToArray();

    private static string RepositoryFile(string relative) => RepositoryRoot.File(relative);
}
