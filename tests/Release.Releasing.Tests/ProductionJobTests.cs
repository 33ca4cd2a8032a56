using System.Text.RegularExpressions;
using Release.Testing;
using Release.Testing.GitLab;
using System.Text.Json;
using Release.Releasing.Tests.Support;
using Release.Testing.Git;
using Release.Testing.Registry;
using Release.Testing.Clocks;
using Release.Testing.Signing;

namespace Release.Releasing.Tests;

/// <summary>
/// The production job really run from the generated CI file. gitlab-ci-local (shell executor, artifact isolation) runs
/// the manual <c>release-to-production</c> job of this repository's committed <c>.gitlab-ci.yml</c>, exactly as
/// generated, with this repository's own build definition: build/*.cs compiled as it is by the RepositoryBuild project
/// and started the way <c>./build.sh</c> starts it. (The real bootstrap would compile the whole repository inside the
/// emulator for every run; that is the only part not exercised here.)
/// <para>
/// Before the job runs, the world is what a main pipeline and the people around it leave: the module's repository,
/// the image and chart pushed by digest to a real registry process, the release opened, measured (a Stable quality
/// gate record), promoted to staging and pre-prod, voted Go by four different people and attested in the owning roles,
/// all in a bare release-records repository; and the jobs the production job needs have left their artifacts
/// (taken from the job's <c>needs:</c> and each needed job's <c>artifacts: paths:</c>).
/// </para>
/// </summary>
[NonParallelizable]
public class ProductionJobTests : RegistryTestBase
{
    private const string ReleaseManager = "release.manager@example.com";
    [Test]
    public async Task The_generated_production_job_blesses_promotes_by_digest_through_GitOps_tags_and_writes_evidence_that_verifies()
    {
        await GitLabCiLocal.EnsureInstalledAsync();
        using var world = await ReleaseWorld.CreateAsync(Registry);
        // The job runs on the real clock, and a record only grows forward in time: the votes were cast in the last
        // voting window before today (16:01 IST on a weekday), as they would have been.
        world.SetClock(ProductionVotingWindow.LastOpeningBefore(DateTimeOffset.UtcNow));
        await world.OpenAsync();
        await world.StageOutputsAsync("production job image " + Guid.NewGuid());
        var image = world.PushedDigest;
        var chart = world.ChartDigest;
        (await world.RunAsync("QualityGate")).Succeeded();
        (await world.RunAsync("Promote", "--release", "0.1.0", "--to", "staging,pre-prod", "--voter", "ops@example.com")).Succeeded();
        await world.VoteAndAttestAsync("0.1.0");

        // The team's roster is committed with the build (build/release-roster); the job signs with its own key, a
        // File-type CI/CD variable (SIGNING_KEY) listed on the roster as a job.
        var jobKey = world.Roster.KeyOf(TeamRoster.Job);
        // The committed file is this repository's, whose build ships the three-module sample application; this stand-in team
        // repository ships the director alone (an application of one module), so its job clones that module only.
        var committed = DirectorAlone(await File.ReadAllTextAsync(RepositoryFile(".gitlab-ci.yml")));
        using var ci = await CiRepository.CreateAsync(committed, BuildAssembly, ReleaseManager,
            new Dictionary<string, string> { ["build/release-roster"] = await File.ReadAllTextAsync(world.Roster.File) });
        var staged = ci.StageArtifactsOfNeeds("release-to-production", world.Root);
        // Local deployments are integration-tested in their deploy job (integrate-local); build-definition hands on the
        // compiled build, which this test's build.sh does not need (it runs the RepositoryBuild assembly).
        // Every module's unit tests and scan are their own jobs (the application's per-module stages).
        Assert.That(staged.Keys, Is.EquivalentTo(new[] { "build-definition", "integrate-local", "quality-gate-local",
            "unit-test-module-director", "scan-module-director" }));
        Assert.That(staged["integrate-local"], Does.Contain("artifacts/modules/director/push/push.json").And.Contain("artifacts/modules/director/chart/chart.json"));
        Assert.That(staged["quality-gate-local"], Is.EqualTo(new[] { "artifacts/release/channel.json" }));

        var run = await GitLabCiLocal.RunJobAsync(ci.Path, "release-to-production", new Dictionary<string, string>
        {
            // Team CI/CD variables: where the module, the release records and the GitOps environments live.
            ["SOURCE_REPOSITORY"] = world.Source.Path,
            ["RELEASE_RECORDS"] = world.Records.Path,
            ["GITOPS_REPOSITORY"] = world.Environments.Path,
            ["SIGNING_KEY"] = jobKey,
        });
        await TestContext.Out.WriteLineAsync(run.Output);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        Assert.That(run.Output, Does.Contain("./build.sh CloneModule.director Clone Tag Promote Bless OpenRelease Evidence ReleaseNotes ReleaseTo --skip --to production"));

        // Blessed with the pushed digests and promoted to production, signed by the job's key: who acted is its owner on the roster.
        var record = JsonDocument.Parse(await world.RecordAsync("director-0.1.0")).RootElement.GetProperty("events").EnumerateArray().ToArray();
        var blessed = record.Single(e => e.GetProperty("event").GetString() == "blessed");
        Assert.That(blessed.GetProperty("imageDigest").GetString(), Is.EqualTo(image));
        Assert.That(blessed.GetProperty("chartDigest").GetString(), Is.EqualTo(chart));
        var production = record.Single(e => e.GetProperty("event").GetString() == "promoted" && e.GetProperty("environment").GetString() == "production");
        Assert.That(production.GetProperty("imageDigest").GetString(), Is.EqualTo(image));
        Assert.That(production.GetProperty("by").GetString(), Is.EqualTo(TeamRoster.Job));
        Assert.That(record.All(e => e.TryGetProperty("signature", out _)), Is.True, "every event is signed");

        // Through the GitOps deployer: the environment repository received the commit pinning both digests.
        Assert.That(await world.GitopsHeadAsync(world.Environments), Does.StartWith($"{TeamRoster.Job}\ndeploy(production): director 0.1.0")
            .And.Contain(chart).And.Contain($"/production/director@{image}").And.Contain($"Deployed-By: {TeamRoster.Job}"));
        Assert.That(await world.GitopsFileAsync(world.Environments, "production", "ocirepository.yaml"), Does.Contain($"digest: {chart}"));
        Assert.That(await world.GitopsFileAsync(world.Environments, "production", "values-configmap.yaml"),
            Does.Contain($"digest: {image}").And.Contain($"repository: {world.Registry.Address}/production/director"));
        using (var client = Registry.CreateClient())
        {
            var tag = (await client.ListTagsAsync("production/director")).Single();
            Assert.That((await client.ResolveDigestAsync("production/director", tag))?.ToString(), Is.EqualTo(image), "copied by digest, not rebuilt");
            var chartTag = (await client.ListTagsAsync("production/charts/director")).Single();
            Assert.That((await client.ResolveDigestAsync("production/charts/director", chartTag))?.ToString(), Is.EqualTo(chart));
        }
        Assert.That(await world.Source.GitAsync(["tag", "--list", "v0.1.0"]), Is.EqualTo("v0.1.0"), "the job tagged the release in the module's repository");

        // The job's artifacts: release notes and an evidence bundle that VerifyEvidence accepts on an auditor's machine.
        var exported = Path.Combine(ci.ArtifactsOf("release-to-production"), "artifacts");
        Assert.That(await File.ReadAllTextAsync(Path.Combine(exported, "release/RELEASE_NOTES.md")), Does.Contain("first version").And.Contain("Rollback"));
        var evidence = Path.Combine(exported, "evidence", "0.1.0");
        foreach (var file in new[] { "manifest.json", "index.html", "unit-tests/junit.xml", "scan/sbom-image.cdx.json", "integration/summary.json",
                     "source/commits.json", "images/push.json", "quality/channel.json", "notes/RELEASE_NOTES.md", "record/votes.json" })
            Assert.That(File.Exists(Path.Combine(evidence, file)), Is.True, $"evidence/0.1.0/{file}");
        var voters = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(evidence, "record/votes.json"))).RootElement.EnumerateArray()
            .Select(v => v.GetProperty("voter").GetString()).Distinct().ToArray();
        Assert.That(voters, Has.Length.EqualTo(4));
        TestFolders.Copy(evidence, world.PathOf("artifacts/evidence/0.1.0"));
        Assert.That((await world.RunAsync("VerifyEvidence", "--release", "0.1.0", "--trusted-keys", world.Roster.TrustedKeysFile(TeamRoster.Job))).Succeeded().Output,
            Does.Contain("chain of 1 link(s)").And.Contain("signed by trusted keys"));
    }

    /// <summary>
    /// The committed pipeline as a team shipping the director alone would generate it: the job clones that module only
    /// and needs (or fetches from the target branch) only its per-module jobs' artifacts.
    /// </summary>
    private static string DirectorAlone(string committed)
    {
        var edited = committed.Replace("CloneModule.director CloneModule.ledger CloneModule.gateway ", "CloneModule.director ", StringComparison.Ordinal);
        edited = Regex.Replace(edited, @"    - job: (unit-test|scan)-module-(ledger|gateway)\n      artifacts: true\n      optional: true\n", "");
        edited = Regex.Replace(edited, @"    - ""shopt -s globstar; \{ compgen -G 'artifacts/modules/(ledger|gateway)/[^\n]*\n", "");
        var job = Regex.Match(edited, @"\nrelease-to-production:\n(  [^\n]*\n|    [^\n]*\n)*").Value;
        Assert.That(job, Does.Contain("unit-test-module-director").And.Not.Contain("ledger").And.Not.Contain("gateway"), "the one-module edit found what it removes");
        return edited;
    }

    private static string BuildAssembly => Path.Combine(TestContext.CurrentContext.TestDirectory, "RepositoryBuild.dll");

    private static string RepositoryFile(string relative) => RepositoryRoot.File(relative);
}
