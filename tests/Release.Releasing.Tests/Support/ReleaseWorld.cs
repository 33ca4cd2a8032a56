using Microsoft.Extensions.Time.Testing;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Release.Delivery.Chart;
using Release.Engine;
using Release.Scanning.Model;
using Release.Scanning.Policy;
using Release.Scanning.Reports;
using Release.Scanning.Sbom;
using Release.Scanning.Sources.Osv;
using Release.Stages.Scan;
using Release.Testing;
using Release.Testing.Git;
using Release.Testing.Registry;
using Release.Testing.Signing;
using Release.Testing.Voting;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;
using Release.Oci;

namespace Release.Releasing.Tests.Support;

/// <summary>
/// One team's world for a test: a build root, the module's real git repository, a real bare release-records
/// repository, real bare GitOps environment repositories (one for staging and pre-prod, one for production) and a
/// real registry (shared by the fixture). The clock starts on a Wednesday at 16:01 IST (inside the
/// seed voting window) and moves 20 seconds per run. Stage outputs (tests, scan, push, chart) are left as the stages
/// leave them (see <see cref="StageOutputsAsync"/>); the image and the chart are pushed to the real registry.
/// </summary>
public sealed class ReleaseWorld : IDisposable
{
    public static readonly GitAuthor Alice = new("Alice Author", "alice@example.com");
    private readonly TempDirectory _root = new("release-root");
    private DateTimeOffset _now = new(2026, 11, 25, 10, 31, 0, TimeSpan.Zero);

    private ReleaseWorld(TempGitRepository source, TempBareRemote records, TempBareRemote environments, TempBareRemote production, RegistryFixture registry)
    {
        Roster = new TeamRoster(_root.Combine("build", "release-roster"));
        Source = source;
        Records = records;
        Environments = environments;
        Production = production;
        Registry = registry;
        Directory.CreateDirectory(_root.Combine(".nuke"));
    }

    public TempGitRepository Source { get; }

    /// <summary>The team's keys and the roster file (build/release-roster) that lists them.</summary>
    public TeamRoster Roster { get; }
    public TempBareRemote Records { get; }

    /// <summary>The GitOps repository of staging and pre-prod (<c>--gitops-repository</c>).</summary>
    public TempBareRemote Environments { get; }

    /// <summary>Production's own GitOps repository (declared on the environment).</summary>
    public TempBareRemote Production { get; }
    public RegistryFixture Registry { get; }
    public string Root => _root.Path;
    public DateTimeOffset Now => _now;

    /// <summary>A module repository whose first commit is Alice's <c>feat: first version #1</c>.</summary>
    public static async Task<ReleaseWorld> CreateAsync(RegistryFixture registry)
    {
        var source = await TempGitRepository.CreateAsync();
        source.WriteFile("samples/director/app.txt", $"v1 {Guid.NewGuid()}\n"); // a commit of its own: tags in the shared registry never collide
        await source.CommitAsync("feat: first version #1", Alice);
        return new ReleaseWorld(source, await TempBareRemote.CreateAsync(), await TempBareRemote.CreateWithCommitsAsync(1),
            await TempBareRemote.CreateWithCommitsAsync(1), registry);
    }

    /// <summary>Moves the clock (e.g. outside the window).</summary>
    public void SetClock(DateTimeOffset now) => _now = now;

    /// <summary>Runs targets with the world's repositories and clock; <paramref name="args"/> follow the targets.</summary>
    public Task<BuildRun> RunAsync(params string[] args) => RunAsync(new WorldRun(), args);

    /// <summary>Runs targets as <see cref="RunAsync(string[])"/> with what <paramref name="run"/> changes (the key, the clock, the repository, variables).</summary>
    public Task<BuildRun> RunAsync(WorldRun run, params string[] args) => RunAsync<ReleaseBuild>(run, args);

    /// <summary>Runs another build class of the team (e.g. one with sanity checks) as <see cref="RunAsync(WorldRun, string[])"/> runs ReleaseBuild.</summary>
    public Task<BuildRun> RunAsync<T>(WorldRun run, params string[] args) where T : global::Release.Engine.Build, new()
    {
        var now = run.At ?? (_now = _now.AddSeconds(20));
        var environment = new Dictionary<string, string>(run.Environment ?? new Dictionary<string, string>())
        {
            ["TEST_PRODUCTION_REPOSITORY"] = Production.Path,
        };
        string[] source = args.Contains("--source-repository") ? [] : ["--source-repository", Source.Path];
        string[] records = run.DefaultRecords ? [] : ["--release-records", Records.Path];
        return BuildRun.RunAsync<T>(Root, environment, new FakeTimeProvider(now.ToUniversalTime()),
            [.. args, .. run.Signing ?? Roster.SigningArguments(args), .. source, .. records, "--gitops-repository", Environments.Path, "--triggered-by", "release.manager@example.com"],
            run.Stop, run.Output);
    }

    /// <summary>Clone, Version and OpenRelease for the source's HEAD.</summary>
    public async Task OpenAsync() => (await RunAsync("Clone", "Version", "OpenRelease", "--voter", "release.manager@example.com")).Succeeded();

    /// <summary>
    /// Leaves what the stages leave, without running Build (another part of the library, tested on its own): the
    /// UnitTest and Integrate summaries and the Push and Chart records are written through the stages' own record
    /// types; the scan is real (the scanning library's scanner against a real OSV folder, whose newest advisory changed
    /// an hour ago, over the image's components; SBOM and summary written as Scan writes them); the image and the
    /// chart are really pushed to the registry by digest.
    /// </summary>
    public async Task StageOutputsAsync(string imageContent, int failedTests = 0, double lineCoverage = 86.5)
    {
        var ct = CancellationToken.None;
        await StageRecord.WriteAsync(Artifact("unit-tests/summary.json"), new UnitTestSummary(120, failedTests, 1, lineCoverage, 71.0), ct);
        Write("artifacts/modules/director/unit-tests/junit.xml", "<testsuites tests=\"121\"/>");
        await ScanAsync(ct);
        await StageRecord.WriteAsync(Artifact("integration/summary.json"), new IntegrationSummary(14, 0, 0, "http://127.0.0.1:8080"), ct);
        using var client = Registry.CreateClient();
        var digest = await SampleImage.Create("app.txt", imageContent).PushAsync(client, "apps/director", "build-" + Sha(imageContent)[..8]);
        await StageRecord.WriteAsync(Artifact("push/push.json"), new PushRecord(Registry.Address, "apps/director", "t", digest.ToString()), ct);
        var chart = await SampleChart.PushAsync(client, "charts/director", "build-" + Sha(imageContent)[..8], imageContent);
        await StageRecord.WriteAsync(Artifact("chart/chart.json"), new ChartRecord("director", "x", "x", "p.tgz", chart.PackageDigest,
            new OciReference(Registry.Address, "charts/director", "build-" + Sha(imageContent)[..8], chart.ManifestDigest.ToString()), "director-x",
            new OciReference(Registry.Address, "apps/director", digest: digest.ToString())), ct);
    }

    // The scanning library's scan of the image's components against the team's OSV mirror (.nuke/advisories), with
    // the reports Scan writes: the image SBOM and summary.json (with the data's date and the scan's finish time).
    private async Task ScanAsync(CancellationToken ct)
    {
        var mirror = _root.Combine(".nuke", "advisories");
        var modified = _now.AddHours(-1).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        _root.WriteFile(".nuke/advisories/GHSA-5crp-9r3c-p9vr.json", $$$"""
            {"schema_version": "1.4.0", "id": "GHSA-5crp-9r3c-p9vr", "modified": "{{{modified}}}", "published": "2022-06-22T00:00:00Z",
             "summary": "Improper Handling of Exceptional Conditions in Newtonsoft.Json",
             "affected": [{"package": {"ecosystem": "NuGet", "name": "Newtonsoft.Json"}, "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "13.0.1"}]}]}],
             "database_specific": {"severity": "HIGH"}}
            """);
        SoftwareComponent[] components =
        [
            new(ComponentEcosystem.NuGet, "Newtonsoft.Json", "13.0.3"),
            new(ComponentEcosystem.Debian, "base-files", "12.4+deb12u5", Architecture: "amd64"),
        ];
        var clock = new FakeTimeProvider(_now.ToUniversalTime());
        IAdvisorySource[] sources = [new OsvAdvisoryFolderSource(mirror)];
        var outcome = await new VulnerabilityScanner(clock).ScanAsync(components, sources, new ScanPolicy(), ct);
        var sbom = SoftwareBillOfMaterials.Create("director", "0.0.0", SbomSubjectKind.Container, components);
        Directory.CreateDirectory(_root.Combine("artifacts", "modules", "director", "scan"));
        await new CycloneDxWriter(clock).WriteFileAsync(sbom, _root.Combine("artifacts", "modules", "director", "scan", "sbom-image.cdx.json"), ct);
        var summary = AdvisoryDataAsOf.AddTo(ScanSummaryWriter.Write(ScanSummary.From(outcome)), outcome.FinishedAt,
            await AdvisoryDataAsOf.ForAsync(sources, mirror, ct));
        await File.WriteAllTextAsync(_root.Combine("artifacts", "modules", "director", "scan", "summary.json"), summary, ct);
    }

    // The module's files: artifacts/modules/director/STAGE/ (PipelinePaths).
    private AbsolutePath Artifact(string relative) => new(_root.Combine("artifacts", "modules", "director", relative));

    /// <summary>The chart manifest digest Chart recorded.</summary>
    public string ChartDigest => System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "artifacts/modules/director/chart/chart.json"))).RootElement.GetProperty("manifestDigest").GetString()!;

    /// <summary>A file of <c>environments/ENV/director/</c> as the latest commit of a GitOps repository has it.</summary>
    public Task<string> GitopsFileAsync(TempBareRemote repository, string environment, string file) =>
        GitCli.RunAsync(repository.Path, ["show", $"main:environments/{environment}/director/{file}"]);

    /// <summary>The latest commit of a GitOps repository: author, then message.</summary>
    public Task<string> GitopsHeadAsync(TempBareRemote repository) => GitCli.RunAsync(repository.Path, ["log", "-1", "--format=%an%n%B", "main"]);

    /// <summary>Every commit of a GitOps repository, patches included (to prove what never reached it).</summary>
    public Task<string> GitopsHistoryAsync(TempBareRemote repository) => GitCli.RunAsync(repository.Path, ["log", "-p", "main"]);

    /// <summary>The digest Push recorded.</summary>
    public string PushedDigest => System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "artifacts/modules/director/push/push.json"))).RootElement.GetProperty("digest").GetString()!;

    /// <summary>Leaves what Integrate leaves after testing <paramref name="environment"/> running <paramref name="digest"/>, now.</summary>
    public Task IntegratedAsync(string environment, string digest) =>
        StageRecord.WriteAsync(Artifact("integration/summary.json"),
            new IntegrationSummary(14, 0, 0, $"https://director.{environment}.example", environment, digest, _now), CancellationToken.None);

    /// <summary>
    /// Four different people vote Go on the production gate (all but <paramref name="skipVoteOf"/>'s role), and the
    /// attestable items are attested (QA's pre-prod suite only when <paramref name="attestQaSuite"/>); the pull requests'
    /// links and the release notes are left to the pipeline's own evidence.
    /// </summary>
    public async Task VoteAndAttestAsync(string version, bool attestQaSuite = true, string? skipVoteOf = null)
    {
        foreach (var (role, voter) in SeedApprovals.Voters.Where(v => v.Role != skipVoteOf))
            (await RunAsync("Vote", "--release", version, "--role", role, "--decision", "go", "--reason", "ready", "--voter", voter)).Succeeded();
        var attested = SeedApprovals.Attested
            .Where(a => a.Item is not (SeedApprovals.PullRequestsLinked or SeedApprovals.ReleaseNotesReady))
            .Where(a => attestQaSuite || a.Item != SeedApprovals.QaSuitePreProd);
        foreach (var (item, role) in attested)
            (await RunAsync("Attest", "--release", version, "--item", item, "--text", $"done: https://wiki.example.com/{item}",
                "--voter", SeedApprovals.VoterOf(role))).Succeeded();
    }

    /// <summary>The release record as committed in the records repository.</summary>
    public Task<string> RecordAsync(string releaseId) => GitCli.RunAsync(Records.Path, ["show", $"main:releases/{releaseId}.json"]);

    /// <summary>Number of commits in the records repository.</summary>
    public async Task<int> RecordCommitsAsync() => int.Parse(await GitCli.RunAsync(Records.Path, ["rev-list", "--count", "main"]), CultureInfo.InvariantCulture);

    public string Write(string relative, string content) => _root.WriteFile(relative, content + "\n");

    public string PathOf(string relative) => _root.Combine(relative);

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public void Dispose()
    {
        Source.Dispose();
        Roster.Dispose();
        Records.Dispose();
        Environments.Dispose();
        Production.Dispose();
        _root.Dispose();
    }
}
