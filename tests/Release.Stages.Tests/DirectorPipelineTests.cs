using System.Text.Json;
using System.Xml.Linq;
using Release.Oci;
using Release.Stages.Tests.Support;
using Release.Testing;
using Release.Testing.NuGetAudit;
using Release.Testing.Registry;

namespace Release.Stages.Tests;

/// <summary>
/// The whole pipeline once, for real, on the director sample: cloned from a bare remote, compiled, published onto the
/// embedded base image and pushed to a real registry, unit tested with coverage, and scanned against a real loopback
/// NuGet audit source. The tests read what that one run left; later stages are re-run from its artifacts alone.
/// </summary>
[NonParallelizable]
public class DirectorPipelineTests
{
    private DirectorRepository _repository = null!;
    private RegistryFixture _registry = null!;
    private NuGetAuditSourceServer _audit = null!;
    private StageRun _run = null!;
    private string _root = null!;

    private string Artifact(string path) => Path.Combine(_root, "artifacts", "modules", "director", path);

    [OneTimeSetUp]
    public async Task RunPipelineAsync()
    {
        _repository = await DirectorRepository.CreateAsync();
        _registry = await RegistryFixture.StartAsync();
        _audit = NuGetAuditSourceServer.Start();
        _root = _repository.BuildRoot.Path;
        _run = await StageRun.RunAsync<PipelineBuild>(_root, PipelineArguments());
    }

    private string[] PipelineArguments() =>
        ["UnitTest", "Scan", "--source-repository", _repository.RemoteUrl, "--registry", _registry.Address, "--audit-sources", _audit.ServiceIndexUrl.ToString()];

    [OneTimeTearDown]
    public async Task CleanUpAsync()
    {
        await _audit.DisposeAsync();
        await _registry.DisposeAsync();
        _repository.Dispose();
    }

    [Test]
    public void Every_stage_succeeds_and_reports_its_key_figures()
    {
        Assert.That(_run.ExitCode, Is.EqualTo(0), _run.Output);
        foreach (var target in new[] { "Clone", "Build", "UnitTest", "Scan" })
            Assert.That(_run.StatusOf(target), Is.EqualTo("Succeeded"), target);
        Assert.That(_run.Output, Does.Contain("[Clone] Commit ").And.Contain("version 1.0.1"));
        Assert.That(_run.Output, Does.Contain("[Build] Image ").And.Contain("@sha256:"));
        Assert.That(_run.Output, Does.Contain("[UnitTest] Director.Tests: ").And.Contain("[Scan] Vulnerabilities: critical 0, high 0,"));
    }

    [Test]
    public async Task A_second_run_on_the_unchanged_commit_skips_Build_and_UnitTest_as_up_to_date_and_scans_again()
    {
        var image = await File.ReadAllTextAsync(Artifact("build/image.json"));
        var tests = await File.ReadAllTextAsync(Artifact("unit-tests/summary.json"));
        var again = await StageRun.RunAsync<PipelineBuild>(_root, PipelineArguments());
        Assert.That(again.ExitCode, Is.EqualTo(0), again.Output);
        Assert.That(again.StatusOf("Build"), Is.EqualTo("UpToDate"));
        Assert.That(again.StatusOf("UnitTest"), Is.EqualTo("UpToDate"));
        Assert.That(again.Started, Is.EqualTo(new[] { "Clone", "Scan" }), "Clone fetches, Scan checks fresh advisory data every run");
        Assert.That(await File.ReadAllTextAsync(Artifact("build/image.json")), Is.EqualTo(image));
        Assert.That(await File.ReadAllTextAsync(Artifact("unit-tests/summary.json")), Is.EqualTo(tests));
    }

    [Test]
    public async Task A_forced_rebuild_of_the_same_commit_gives_the_same_digest_so_the_immutable_tag_accepts_it()
    {
        var before = Json.Read(Artifact("build/image.json")).GetProperty("digest").GetString();
        // The same parameters as the pipeline run, so the incremental state it records matches the other tests' runs.
        var rebuilt = await StageRun.RunAsync<PipelineBuild>(_root, ["Build", "--force", .. PipelineArguments().Skip(2)]);
        Assert.That(rebuilt.ExitCode, Is.EqualTo(0), rebuilt.Output);
        Assert.That(rebuilt.StatusOf("Build"), Is.EqualTo("Succeeded"));
        var image = Json.Read(Artifact("build/image.json"));
        Assert.That(image.GetProperty("digest").GetString(), Is.EqualTo(before), "reproducible: commit time on every file and in the config");
        using var client = _registry.CreateClient();
        Assert.That((await client.ResolveDigestAsync("director", image.GetProperty("tag").GetString()!)).ToString(), Is.EqualTo(before));
    }

    [Test]
    public async Task Clone_records_the_commit_and_the_version_computed_from_tags_and_commits()
    {
        var source = Json.Read(Artifact("clone/source.json"));
        var head = await _repository.Work.HeadAsync();
        Assert.That(source.GetProperty("commit").GetString(), Is.EqualTo(head));
        Assert.That(source.GetProperty("shortCommit").GetString(), Is.EqualTo(head[..7]));
        Assert.That(source.GetProperty("branch").GetString(), Is.EqualTo("main"));
        Assert.That(source.GetProperty("version").GetString(), Is.EqualTo("1.0.1"), "v1.0.0 plus a fix commit");
        Assert.That(source.GetProperty("chartVersion").GetString(), Is.EqualTo($"1.0.1+g{head[..7]}"));
        Assert.That(source.GetProperty("authorName").GetString(), Is.EqualTo("Test Author"));
        Assert.That(source.GetProperty("repository").GetString(), Is.EqualTo(_repository.RemoteUrl));
        Assert.That(Path.Combine(_root, ".nuke/temp/workspace/director/samples/director/director.sln"), Does.Exist);
    }

    [Test]
    public async Task Build_pushes_a_labelled_image_to_the_registry_and_keeps_an_oci_layout_of_it()
    {
        var image = Json.Read(Artifact("build/image.json"));
        var head = await _repository.Work.HeadAsync();
        var tag = image.GetProperty("tag").GetString()!;
        Assert.That(image.GetProperty("registry").GetString(), Is.EqualTo(_registry.Address));
        Assert.That(image.GetProperty("repository").GetString(), Is.EqualTo("director"));
        Assert.That(tag, Is.EqualTo($"1.0.1_g{head[..7]}"));
        Assert.That(image.GetProperty("baseImage").GetString(), Is.EqualTo($"{_registry.Address}/base/aspnet:10.0"), "embedded base pushed into the given registry");

        using var client = _registry.CreateClient();
        var digest = image.GetProperty("digest").GetString();
        Assert.That((await client.ResolveDigestAsync("director", tag)).ToString(), Is.EqualTo(digest));
        Assert.That(await client.ListTagsAsync("director"), Is.EqualTo(new[] { tag }), "no moving tags from Build");
        var manifest = await client.GetManifestAsync("director", tag);
        var config = JsonDocument.Parse(await client.GetBlobBytesAsync("director", manifest.Document.Config!.ParsedDigest)).RootElement;
        var labels = config.GetProperty("config").GetProperty("Labels");
        Assert.That(labels.GetProperty("org.opencontainers.image.revision").GetString(), Is.EqualTo(head));
        Assert.That(labels.GetProperty("org.opencontainers.image.version").GetString(), Is.EqualTo("1.0.1"));
        Assert.That(labels.GetProperty("org.opencontainers.image.source").GetString(), Is.EqualTo(_repository.RemoteUrl));
        Assert.That(labels.GetProperty("org.opencontainers.image.created").GetString(), Is.EqualTo("2024-01-02T03:04:05Z"), "the commit date");
        Assert.That(image.GetProperty("labels").GetProperty("org.opencontainers.image.revision").GetString(), Is.EqualTo(head));

        var layout = await OciImageLayout.OpenAsync(Artifact("build/image-layout"));
        Assert.That(layout.FindManifest(tag).Digest, Is.EqualTo(digest));
        Assert.That(Artifact("build/project.assets.json"), Does.Exist);
    }

    [Test]
    public void UnitTest_writes_trx_junit_cobertura_and_a_summary()
    {
        var summary = Json.Read(Artifact("unit-tests/summary.json"));
        var passed = summary.GetProperty("passed").GetInt32();
        Assert.That(passed, Is.GreaterThan(10));
        Assert.That(summary.GetProperty("failed").GetInt32(), Is.Zero);
        Assert.That(summary.GetProperty("lineCoverage").GetDouble(), Is.InRange(60, 100));
        Assert.That(summary.GetProperty("branchCoverage").GetDouble(), Is.InRange(0.01, 100));
        Assert.That(Artifact("unit-tests/Director.Tests.trx"), Does.Exist);
        var cobertura = XDocument.Load(Artifact("unit-tests/Director.Tests.cobertura.xml")).Root!;
        Assert.That(cobertura.Name.LocalName, Is.EqualTo("coverage"));
        Assert.That((long)cobertura.Attribute("lines-valid")!, Is.GreaterThan(50), "the app's code was instrumented, not an empty report");
        Assert.That(cobertura.Descendants("package").Select(p => (string)p.Attribute("name")!), Does.Contain("Director"));

        var junit = XDocument.Load(Artifact("unit-tests/Director.Tests.junit.xml")).Root!;
        Assert.That(junit.Name.LocalName, Is.EqualTo("testsuites"));
        Assert.That((int)junit.Attribute("tests")!, Is.EqualTo(passed));
        Assert.That(junit.Descendants("testcase").Count(), Is.EqualTo(passed));
        Assert.That(junit.Descendants("testcase").Select(c => (string)c.Attribute("classname")!), Has.Some.StartsWith("Director.Tests."));
        Assert.That(Directory.GetDirectories(Artifact("unit-tests")), Is.Empty, "raw VSTest folders are not kept");
        Assert.That(cobertura.Element("sources")!.Elements("source").Select(s => s.Value), Is.EqualTo(new[] { "." }), "no runner workspace path");
        Assert.That(cobertura.Descendants("class").Select(c => (string)c.Attribute("filename")!), Has.Some.EqualTo("samples/director/src/Director/BuildInfo.cs"));
        Assert.That(_run.Output, Does.Match(@"\[UnitTest\] Line coverage: \d+(\.\d+)?%"));
    }

    [Test]
    public void Scan_writes_sboms_and_reports_and_is_clean_when_the_audit_source_has_data_and_nothing_matches()
    {
        var imageSbom = Json.Read(Artifact("scan/sbom-image.cdx.json"));
        Assert.That(imageSbom.GetProperty("bomFormat").GetString(), Is.EqualTo("CycloneDX"));
        var purls = imageSbom.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("purl").GetString()).ToList();
        Assert.That(purls, Has.Some.StartWith("pkg:deb/debian/libc6@"), "Debian packages of the embedded base's dpkg status");
        Assert.That(purls, Has.Some.StartWith("pkg:nuget/Microsoft.NETCore.App.Runtime.linux-").And.Some.StartWith("pkg:nuget/Microsoft.AspNetCore.App.Runtime.linux-"),
            "the .NET runtime the embedded base carries");
        Assert.That(imageSbom.GetProperty("specVersion").GetString(), Is.EqualTo("1.6"));
        Assert.That(imageSbom.GetProperty("dependencies").GetArrayLength(), Is.GreaterThan(0));
        Assert.That(Json.Read(Artifact("scan/sbom-app.cdx.json")).GetProperty("metadata").GetProperty("component").GetProperty("name").GetString(), Is.EqualTo("director"));
        Assert.That(Json.Read(Artifact("scan/scan.sarif")).GetProperty("version").GetString(), Is.EqualTo("2.1.0"));
        Assert.That(Artifact("scan/gl-container-scanning-report.json"), Does.Exist);

        var summary = Json.Read(Artifact("scan/summary.json"));
        Assert.That(summary.GetProperty("verdict").GetString(), Is.EqualTo("Clean"));
        Assert.That(summary.GetProperty("sourcesWithData").EnumerateArray().Single().GetString(), Does.Contain(_audit.ServiceIndexUrl.ToString()));
        Assert.That(_audit.RequestCount, Is.GreaterThan(0));
    }

    [Test]
    public async Task Scan_of_upstream_artifacts_is_never_clean_when_a_source_gives_no_data()
    {
        await using var empty = NuGetAuditSourceServer.Start(publishVulnerabilityInfo: false);
        using var root = StageRoot.WithArtifacts(_root, "clone", "build");
        var failed = await StageRun.RunAsync<PipelineBuild>(root.Path, "Scan", "--skip", "Clone", "Build", "--audit-sources", empty.ServiceIndexUrl.ToString());
        Assert.That(failed.ExitCode, Is.EqualTo(1), failed.Output);
        Assert.That(failed.Started, Is.EqualTo(new[] { "Scan" }), "runs from the artifacts alone");
        Assert.That(failed.Output, Does.Contain("NOT CLEAN").And.Contain("gave no advisory data"));
        Assert.That(Json.Read(root.Combine("artifacts/modules/director/scan/summary.json")).GetProperty("verdict").GetString(), Is.EqualTo("Failed"));

        var accepted = await StageRun.RunAsync<PipelineBuild>(root.Path, "Scan", "--skip", "Clone", "Build",
            "--audit-sources", empty.ServiceIndexUrl.ToString(), "--accept-missing-advisory-data");
        Assert.That(accepted.ExitCode, Is.EqualTo(0), accepted.Output);
        Assert.That(accepted.Output, Does.Contain("NOT CLEAN"));
        var summary = Json.Read(root.Combine("artifacts/modules/director/scan/summary.json"));
        Assert.That(summary.GetProperty("verdict").GetString(), Is.EqualTo("Passed"), "accepted, but never called clean");
        Assert.That(summary.GetProperty("sourcesWithoutData").GetArrayLength(), Is.EqualTo(1));
    }

    [Test]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Trivy_on_PATH_scans_the_image_archive_and_its_findings_count()
    {
        // No trivy is installable here: a stand-in checks it is handed the image (an OCI layout tar) and prints a report.
        using var bin = new TempDirectory("release-stages-trivy");
        var report = bin.WriteFile("report.json", """
            {"SchemaVersion": 2, "ArtifactType": "container_image", "Results": [
              {"Target": "director (debian 12)", "Class": "os-pkgs", "Type": "debian", "Vulnerabilities": [
                {"VulnerabilityID": "CVE-2024-2961", "PkgName": "libc6", "InstalledVersion": "2.36-9+deb12u4", "FixedVersion": "2.36-9+deb12u7", "Severity": "HIGH", "Title": "glibc: iconv out-of-bounds write"}]}]}
            """);
        var script = bin.WriteFile("trivy", $$"""
            #!/bin/sh
            [ "$1" = "image" ] && [ "$2" = "--input" ] && tar -tf "$3" | grep -qx "index.json" || { echo "not an image archive: $*" >&2; exit 3; }
            cat '{{report}}'
            """);
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        using var root = StageRoot.WithArtifacts(_root, "clone", "build");
        var run = await StageRun.RunWithEnvironmentAsync<PipelineBuild>(root.Path,
            new Dictionary<string, string> { ["PATH"] = bin.Path + ":" + Environment.GetEnvironmentVariable("PATH") },
            "Scan", "--skip", "Clone", "Build", "--audit-sources", _audit.ServiceIndexUrl.ToString());
        Assert.That(run.ExitCode, Is.EqualTo(1), run.Output);
        Assert.That(run.Output, Does.Contain("CVE-2024-2961").And.Contain("[Scan] Vulnerabilities: critical 0, high 1,"));
        var summary = Json.Read(root.Combine("artifacts/modules/director/scan/summary.json"));
        Assert.That(summary.GetProperty("sourcesWithData").GetArrayLength(), Is.EqualTo(2), "the audit source and trivy");
        Assert.That(Directory.GetFileSystemEntries(root.Combine("artifacts/modules/director/scan")).Select(Path.GetFileName), Does.Not.Contain("image.tar").And.Not.Contain(".scratch"));
    }

    [Test]
    public async Task Scan_against_an_old_osv_copy_says_how_old_in_its_verdict_and_reports_and_is_not_clean()
    {
        using var root = StageRoot.WithArtifacts(_root, "clone", "build");
        // The repository's own offline advisory: a real OSV document whose newest date is 2023-01-30.
        File.Copy(Path.Combine(SourceTree.Root, ".nuke/advisories/GHSA-5crp-9r3c-p9vr.json"), root.WriteFile("osv/GHSA-5crp-9r3c-p9vr.json", ""), overwrite: true);
        var stale = await StageRun.RunAsync<PipelineBuild>(root.Path, "Scan", "--skip", "Clone", "Build", "--osv-directory", "osv");
        Assert.That(stale.ExitCode, Is.EqualTo(0), stale.Output);
        Assert.That(stale.Output, Does.Match(@"\[Scan\] Vulnerabilities: .*; verdict Passed: clean against advisory data \d+ days old \(allowed: 7\)"));
        Assert.That(stale.Output, Does.Contain("verdict: Passed: clean against advisory data"), "the summary line");
        Assert.That(stale.Output, Does.Contain("STALE ADVISORY DATA").And.Contain("newest advisory 2023-01-30"));
        var summary = Json.Read(root.Combine("artifacts/modules/director/scan/summary.json"));
        Assert.That(summary.GetProperty("verdict").GetString(), Is.EqualTo("Passed"));
        Assert.That(summary.GetProperty("verdictText").GetString(), Does.Match(@"^Passed: clean against advisory data \d+ days old \(allowed: 7\)$"));
        var messages = Json.Read(root.Combine("artifacts/modules/director/scan/gl-container-scanning-report.json")).GetProperty("scan").GetProperty("messages");
        Assert.That(messages.EnumerateArray().Select(m => m.GetProperty("level").GetString() + " " + m.GetProperty("value").GetString()),
            Has.Some.Match(@"^warn .*advisory data \d+ days old \(allowed: 7\)"));
        var notifications = Json.Read(root.Combine("artifacts/modules/director/scan/scan.sarif")).GetProperty("runs")[0].GetProperty("invocations")[0].GetProperty("toolExecutionNotifications");
        Assert.That(notifications.EnumerateArray().Select(n => n.GetProperty("message").GetProperty("text").GetString()), Has.Some.Contains("days old (allowed: 7)"));

        var allowed = await StageRun.RunAsync<PipelineBuild>(root.Path, "Scan", "--skip", "Clone", "Build", "--osv-directory", "osv", "--max-advisory-age-days", "36500");
        Assert.That(allowed.ExitCode, Is.EqualTo(0), allowed.Output);
        Assert.That(allowed.Output, Does.Match(@"\[Scan\] Vulnerabilities: .*; verdict Clean against advisory data \d+ days old \(allowed: 36500\)"));

        var negative = await StageRun.RunAsync<PipelineBuild>(root.Path, "Scan", "--skip", "Clone", "Build", "--osv-directory", "osv", "--max-advisory-age-days", "-1");
        Assert.That(negative.ExitCode, Is.EqualTo(2), negative.Output);
        Assert.That(negative.Output, Does.Contain("--max-advisory-age-days is -1"));
    }

    [Test]
    public async Task Scan_with_no_source_at_all_fails()
    {
        using var root = StageRoot.WithArtifacts(_root, "clone", "build");
        var run = await StageRun.RunAsync<PipelineBuild>(root.Path, "Scan", "--skip", "Clone", "Build");
        Assert.That(run.ExitCode, Is.EqualTo(1), run.Output);
        Assert.That(run.Output, Does.Contain("No advisory source"));
    }

    [TestCase("{ \"entries\": [ { \"id\": \"GHSA-5crp-9r3c-p9vr\", \"reason\": \"accepted\", \"expires\": \"2020-01-31\" } ] }", "expired on 2020-01-31")]
    [TestCase("{ \"entries\": [ { \"id\": \"GHSA-5crp-9r3c-p9vr\", \"expires\": \"2099-01-31\" } ] }", "missing 'reason'")]
    [TestCase("{ \"entries\": [ { \"id\": \"GHSA-5crp-9r3c-p9vr\", \"reason\": \"x\", \"expires\": \"soon\" } ] }", "not a date")]
    public async Task A_bad_allowlist_entry_stops_the_scan_before_anything_is_written(string allowlist, string expected)
    {
        using var root = StageRoot.WithArtifacts(_root, "clone", "build");
        var file = root.WriteFile("allowlist.json", allowlist);
        var run = await StageRun.RunAsync<PipelineBuild>(root.Path, "Scan", "--skip", "Clone", "Build",
            "--audit-sources", _audit.ServiceIndexUrl.ToString(), "--allowlist", "allowlist.json");
        Assert.That(run.ExitCode, Is.EqualTo(2), run.Output);
        Assert.That(run.Output, Does.Contain("--allowlist").And.Contain(file).And.Contain("entries[0]").And.Contain(expected));
        Assert.That(root.Combine("artifacts/modules/director/scan"), Does.Not.Exist);
    }

    [Test]
    public async Task An_unknown_severity_name_is_refused_before_anything_runs()
    {
        using var root = StageRoot.WithArtifacts(_root, "clone", "build");
        var run = await StageRun.RunAsync<PipelineBuild>(root.Path, "Scan", "--skip", "Clone", "Build", "--fail-severity", "Severe");
        Assert.That(run.ExitCode, Is.EqualTo(2), run.Output);
        Assert.That(run.Output, Does.Contain("'Severe'").And.Contain("--fail-severity").And.Contain("High").And.Contain("Critical"));
        Assert.That(run.Started, Is.Empty);
        Assert.That(root.Combine("artifacts/modules/director/scan"), Does.Not.Exist);
    }
}
