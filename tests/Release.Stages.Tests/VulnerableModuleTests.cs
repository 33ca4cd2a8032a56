using Release.Stages.Tests.Support;
using Release.Testing.NuGetAudit;

namespace Release.Stages.Tests;

/// <summary>
/// The director sample with an old Newtonsoft.Json (12.0.1, the version the package source serves that
/// GHSA-5crp-9r3c-p9vr affects), built with the defaults (embedded registry, embedded base) and scanned against the
/// real loopback audit source: the scan fails and says why; an allowlist entry or a higher threshold lets it pass.
/// </summary>
[NonParallelizable]
public class VulnerableModuleTests
{
    private DirectorRepository _repository = null!;
    private NuGetAuditSourceServer _audit = null!;
    private StageRun _run = null!;
    private string Root => _repository.BuildRoot.Path;

    [OneTimeSetUp]
    public async Task ScanAsync()
    {
        _repository = await DirectorRepository.CreateAsync(module =>
        {
            Edit(Path.Combine(module, "Directory.Packages.props"), "</ItemGroup>",
                "  <PackageVersion Include=\"Newtonsoft.Json\" Version=\"12.0.1\" />\n  </ItemGroup>");
            Edit(Path.Combine(module, "src/Director/Director.csproj"), "</Project>",
                "  <ItemGroup>\n    <PackageReference Include=\"Newtonsoft.Json\" />\n  </ItemGroup>\n</Project>");
        });
        _audit = NuGetAuditSourceServer.Start();
        _run = await StageRun.RunAsync<PipelineBuild>(Root, "Scan", "--source-repository", _repository.RemoteUrl,
            "--audit-sources", _audit.ServiceIndexUrl.ToString());
    }

    [OneTimeTearDown]
    public async Task CleanUpAsync()
    {
        await _audit.DisposeAsync();
        _repository.Dispose();
    }

    [Test]
    public void The_scan_fails_on_the_high_advisory_and_names_it()
    {
        Assert.That(_run.ExitCode, Is.EqualTo(1), _run.Output);
        Assert.That(_run.StatusOf("Build"), Is.EqualTo("Succeeded"), "built with the embedded registry and base image");
        Assert.That(_run.StatusOf("Scan"), Is.EqualTo("Failed"));
        Assert.That(_run.Output, Does.Contain("GHSA-5crp-9r3c-p9vr").And.Contain("pkg:nuget/Newtonsoft.Json@12.0.1").And.Contain("--fail-severity"));
        Assert.That(_run.Output, Does.Contain("[Scan] Vulnerabilities: critical 0, high 1,"));
    }

    [Test]
    public void The_reports_of_the_failed_scan_are_complete()
    {
        var summary = Json.Read(Path.Combine(Root, "artifacts/modules/director/scan/summary.json"));
        Assert.That(summary.GetProperty("verdict").GetString(), Is.EqualTo("Failed"));
        Assert.That(summary.GetProperty("countsBySeverity").GetProperty("high").GetInt32(), Is.EqualTo(1));
        Assert.That(summary.GetProperty("blocking").GetInt32(), Is.EqualTo(1));
        Assert.That(File.ReadAllText(Path.Combine(Root, "artifacts/modules/director/scan/scan.sarif")), Does.Contain("GHSA-5crp-9r3c-p9vr"));
        Assert.That(File.ReadAllText(Path.Combine(Root, "artifacts/modules/director/scan/gl-container-scanning-report.json")), Does.Contain("GHSA-5crp-9r3c-p9vr"));
        var app = File.ReadAllText(Path.Combine(Root, "artifacts/modules/director/scan/sbom-app.cdx.json"));
        Assert.That(app, Does.Contain("pkg:nuget/Newtonsoft.Json@12.0.1"));
    }

    [Test]
    public async Task An_allowlist_entry_with_reason_and_expiry_lets_it_pass()
    {
        using var root = StageRoot.WithArtifacts(Root, "clone", "build");
        root.WriteFile("allowlist.yaml", "entries:\n  - id: GHSA-5crp-9r3c-p9vr\n    reason: deep nesting not reachable from the API\n    expires: 2099-12-31\n");
        var run = await StageRun.RunAsync<PipelineBuild>(root.Path, "Scan", "--skip", "Clone", "Build",
            "--audit-sources", _audit.ServiceIndexUrl.ToString(), "--allowlist", "allowlist.yaml");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        var summary = Json.Read(root.Combine("artifacts/modules/director/scan/summary.json"));
        Assert.That(summary.GetProperty("verdict").GetString(), Is.EqualTo("Passed"));
        Assert.That(summary.GetProperty("allowlisted").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task A_critical_threshold_lets_a_high_finding_pass()
    {
        using var root = StageRoot.WithArtifacts(Root, "clone", "build");
        var run = await StageRun.RunAsync<PipelineBuild>(root.Path, "Scan", "--skip", "Clone", "Build",
            "--audit-sources", _audit.ServiceIndexUrl.ToString(), "--fail-severity", "critical");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        Assert.That(Json.Read(root.Combine("artifacts/modules/director/scan/summary.json")).GetProperty("verdict").GetString(), Is.EqualTo("Passed"));
    }

    // An OSV document like the GitHub advisory database's, for an offline folder source.
    private static string Osv(string id, string package, string fixedIn) => $$$"""
        {"id":"{{{id}}}","modified":"2026-11-30T00:00:00Z","affected":[{"package":{"ecosystem":"NuGet","name":"{{{package}}}"},
         "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"{{{fixedIn}}}"}]}]}],"database_specific":{"severity":"HIGH"}}
        """;

    [Test]
    public async Task A_scan_is_up_to_date_until_its_advisory_data_or_its_allowlist_changes()
    {
        using var root = StageRoot.WithArtifacts(Root, "clone", "build");
        root.WriteFile("osv/GHSA-5crp-9r3c-p9vr.json", Osv("GHSA-5crp-9r3c-p9vr", "Newtonsoft.Json", "13.0.1"));
        root.WriteFile("allowlist.yaml", "entries:\n  - id: GHSA-5crp-9r3c-p9vr\n    reason: not reachable from the API\n    expires: 2099-12-31\n");
        string[] scan = ["Scan", "--skip", "Clone", "Build", "--osv-directory", "osv", "--allowlist", "allowlist.yaml"];
        async Task<string> ScanStatusAsync()
        {
            var run = await StageRun.RunAsync<PipelineBuild>(root.Path, scan);
            Assert.That(run.ExitCode, Is.Zero, run.Output);
            return run.StatusOf("Scan");
        }

        var statuses = new List<string> { await ScanStatusAsync(), await ScanStatusAsync() };
        root.WriteFile("osv/GHSA-new.json", Osv("GHSA-new", "Some.Other.Package", "2.0.0"));
        statuses.Add(await ScanStatusAsync());
        statuses.Add(await ScanStatusAsync());
        root.WriteFile("allowlist.yaml", "entries:\n  - id: GHSA-5crp-9r3c-p9vr\n    reason: not reachable from the API (reviewed again)\n    expires: 2099-12-31\n");
        statuses.Add(await ScanStatusAsync());

        Assert.That(statuses, Is.EqualTo(new[] { "Succeeded", "UpToDate", "Succeeded", "UpToDate", "Succeeded" }),
            "unchanged, new advisory, unchanged, changed allowlist");
    }

    [Test]
    public async Task A_scan_against_an_audit_source_runs_every_time()
    {
        using var root = StageRoot.WithArtifacts(Root, "clone", "build");
        string[] scan = ["Scan", "--skip", "Clone", "Build", "--audit-sources", _audit.ServiceIndexUrl.ToString(), "--fail-severity", "critical"];

        var first = await StageRun.RunAsync<PipelineBuild>(root.Path, scan);
        var second = await StageRun.RunAsync<PipelineBuild>(root.Path, scan);

        Assert.That((first.ExitCode, second.ExitCode), Is.EqualTo((0, 0)), first.Output + second.Output);
        Assert.That(second.StatusOf("Scan"), Is.EqualTo("Succeeded"), "a remote source may have new advisories at any moment");
    }

    private static void Edit(string file, string marker, string replacement)
    {
        var text = File.ReadAllText(file);
        Assert.That(text, Does.Contain(marker), file);
        File.WriteAllText(file, text.Replace(marker, replacement));
    }
}
