using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Release.Testing;
using Release.Testing.Git;
using Release.Testing.Registry;

namespace Release.Releasing.Tests.Support;

/// <summary>
/// One team's world for a test: a build root, the module's real git repository, a real bare release-records
/// repository, real bare GitOps environment repositories (one for staging and pre-prod, one for production) and a
/// real registry (shared by the fixture). The clock starts on a Wednesday at 16:01 IST (inside the
/// seed voting window) and moves 20 seconds per run. Stage outputs (tests, scan, push, chart) are written as the
/// stages would, since the stages are tested elsewhere; the image and the chart are pushed to the real registry.
/// </summary>
public sealed class ReleaseWorld : IDisposable
{
    public static readonly GitAuthor Alice = new("Alice Author", "alice@example.com");
    private readonly TempDirectory _root = new("release-root");
    private DateTimeOffset _now = new(2026, 11, 25, 10, 31, 0, TimeSpan.Zero);

    private ReleaseWorld(TempGitRepository source, TempBareRemote records, TempBareRemote environments, TempBareRemote production, RegistryFixture registry)
    {
        Source = source;
        Records = records;
        Environments = environments;
        Production = production;
        Registry = registry;
        Directory.CreateDirectory(_root.Combine(".nuke"));
    }

    public TempGitRepository Source { get; }
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
    public Task<BuildRun> RunAsync(params string[] args)
    {
        _now = _now.AddSeconds(20);
        var environment = new Dictionary<string, string>
        {
            ["TEST_NOW"] = _now.ToString("O", CultureInfo.InvariantCulture),
            ["TEST_PRODUCTION_REPOSITORY"] = Production.Path,
        };
        string[] source = args.Contains("--source-repository") ? [] : ["--source-repository", Source.Path];
        return BuildRun.RunAsync(Root, environment,
            [.. args, .. source, "--release-records", Records.Path, "--gitops-repository", Environments.Path, "--triggered-by", "release.manager@example.com"]);
    }

    /// <summary>Clone, Version and OpenRelease for the source's HEAD.</summary>
    public async Task OpenAsync() => (await RunAsync("Clone", "Version", "OpenRelease", "--voter", "release.manager@example.com")).Succeeded();

    /// <summary>Writes what UnitTest, Scan and Integrate would write; pushes a real image and writes Push's and Chart's records.</summary>
    public async Task StageOutputsAsync(string imageContent, int failedTests = 0, double lineCoverage = 86.5)
    {
        Write("artifacts/unit-tests/summary.json", $$"""{"passed": 120, "failed": {{failedTests}}, "skipped": 1, "lineCoverage": {{lineCoverage.ToString(CultureInfo.InvariantCulture)}}, "branchCoverage": 71.0}""");
        Write("artifacts/unit-tests/junit.xml", "<testsuites tests=\"121\"/>\n");
        Write("artifacts/scan/summary.json", $$"""
            {"verdict": "Clean", "countsBySeverity": {"critical": 0, "high": 0, "medium": 1, "low": 2},
             "sourcesWithData": ["nuget-audit"], "sourcesWithoutData": [], "finishedAt": "{{_now:O}}"}
            """);
        Write("artifacts/scan/sbom.cdx.json", "{\"bomFormat\": \"CycloneDX\", \"components\": []}\n");
        Write("artifacts/integration/summary.json", """{"passed": 14, "failed": 0, "skipped": 0, "url": "http://127.0.0.1:8080"}""");
        using var client = Registry.CreateClient();
        var digest = await SampleImage.Create("app.txt", imageContent).PushAsync(client, "apps/director", "build-" + Sha(imageContent)[..8]);
        Write("artifacts/push/push.json", $$"""{"registry": "{{Registry.Address}}", "repository": "apps/director", "tag": "t", "digest": "{{digest}}"}""");
        var chart = await SampleChart.PushAsync(client, "charts/director", "build-" + Sha(imageContent)[..8], imageContent);
        Write("artifacts/chart/chart.json", $$"""
            {"name": "director", "version": "x", "appVersion": "x", "package": "p.tgz", "digest": "{{chart.PackageDigest}}", "ociReference": null,
             "seedName": "director-x", "manifestDigest": "{{chart.ManifestDigest}}", "chartUrl": "oci://{{Registry.Address}}/charts/director",
             "imageReference": "{{Registry.Address}}/apps/director@{{digest}}"}
            """);
    }

    /// <summary>The chart manifest digest Chart recorded.</summary>
    public string ChartDigest => System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "artifacts/chart/chart.json"))).RootElement.GetProperty("manifestDigest").GetString()!;

    /// <summary>A file of <c>environments/ENV/director/</c> as the latest commit of a GitOps repository has it.</summary>
    public Task<string> GitopsFileAsync(TempBareRemote repository, string environment, string file) =>
        GitCli.RunAsync(repository.Path, ["show", $"main:environments/{environment}/director/{file}"]);

    /// <summary>The latest commit of a GitOps repository: author, then message.</summary>
    public Task<string> GitopsHeadAsync(TempBareRemote repository) => GitCli.RunAsync(repository.Path, ["log", "-1", "--format=%an%n%B", "main"]);

    /// <summary>Every commit of a GitOps repository, patches included (to prove what never reached it).</summary>
    public Task<string> GitopsHistoryAsync(TempBareRemote repository) => GitCli.RunAsync(repository.Path, ["log", "-p", "main"]);

    /// <summary>The digest Push recorded.</summary>
    public string PushedDigest => System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "artifacts/push/push.json"))).RootElement.GetProperty("digest").GetString()!;

    /// <summary>Four different people vote Go on the production gate, and the attestation-only items are attested.</summary>
    public async Task VoteAndAttestAsync(string version)
    {
        foreach (var (role, voter) in new[] { ("module-lead", "lead@example.com"), ("sre", "sre@example.com"), ("qa", "qa@example.com"), ("product-management", "pm@example.com") })
            (await RunAsync("Vote", "--release", version, "--role", role, "--decision", "go", "--reason", "ready", "--voter", voter)).Succeeded();
        foreach (var (item, by) in new[] { ("special-deployment-provisions", "lead@example.com"), ("dr-plan-drafted", "sre@example.com"), ("on-call-named", "sre@example.com"), ("load-test-report", "qa@example.com") })
            (await RunAsync("Attest", "--release", version, "--item", item, "--text", $"done: https://wiki.example.com/{item}", "--voter", by)).Succeeded();
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
        Records.Dispose();
        Environments.Dispose();
        Production.Dispose();
        _root.Dispose();
    }
}
