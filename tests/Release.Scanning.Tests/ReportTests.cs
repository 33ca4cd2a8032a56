using System.Text.Json;
using Release.Scanning.Model;
using Release.Scanning.Policy;
using Release.Scanning.Reports;
using Release.Testing;

namespace Release.Scanning.Tests;

public sealed class ReportTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private static readonly ScanReportContext Context = new("shop-api", "1.4.0", "127.0.0.1:5000/apps/shop-api:1.4.0", "debian 12", "src/Shop/obj/project.assets.json");

    private static ScanOutcome Outcome(bool acceptMissing = false)
    {
        var high = new Finding(
            new Advisory("GHSA-5crp-9r3c-p9vr", ["CVE-2024-21907"], "Improper Handling of Exceptional Conditions", Severity.High, "https://github.com/advisories/GHSA-5crp-9r3c-p9vr"),
            new SoftwareComponent(ComponentEcosystem.NuGet, "Newtonsoft.Json", "12.0.1"), "nuget", "(, 13.0.1)", "13.0.1");
        var low = new Finding(
            new Advisory("DSA-0000-1", [], "", Severity.Low, null),
            new SoftwareComponent(ComponentEcosystem.Debian, "libc6", "2.36-9", Architecture: "amd64"), "osv", "introduced 0");
        var allowed = new Finding(
            new Advisory("CVE-2099-1", [], "", Severity.Critical, null),
            new SoftwareComponent(ComponentEcosystem.Debian, "zlib1g", "1:1.2.13.dfsg-1", Architecture: "amd64"), "osv", "introduced 0");
        var policy = new ScanPolicy(Severity.High, acceptMissing, [new AllowlistEntry("CVE-2099-1", "not reachable", new DateOnly(2027, 1, 1))]);
        return ScanEvaluator.Evaluate(
            [AdvisorySourceResult.WithData("nuget", [high]), AdvisorySourceResult.WithData("osv", [low, allowed]), AdvisorySourceResult.NoData("trivy", "no 'trivy' executable on PATH")],
            policy, Start, Start.AddSeconds(3));
    }

    [Test]
    public void Sarif_has_the_required_2_1_0_structure()
    {
        using var json = JsonDocument.Parse(SarifReportWriter.Write(Outcome(), Context));
        var root = json.RootElement;

        Assert.That(root.GetProperty("version").GetString(), Is.EqualTo("2.1.0"));
        Assert.That(root.GetProperty("$schema").GetString(), Does.Contain("sarif-2.1.0"));
        var run = root.GetProperty("runs").EnumerateArray().Single();
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.That(driver.GetProperty("name").GetString(), Is.EqualTo("Release.Scanning"));
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.That(results, Has.Count.EqualTo(3));
        foreach (var result in results)
        {
            var ruleId = result.GetProperty("ruleId").GetString();
            Assert.That(rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString(), Is.EqualTo(ruleId), "ruleIndex points at its rule");
            Assert.That(result.GetProperty("message").GetProperty("text").GetString(), Is.Not.Empty);
            Assert.That(result.GetProperty("locations")[0].GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString(), Does.StartWith("pkg:"));
        }

        var byRule = results.ToDictionary(r => r.GetProperty("ruleId").GetString()!);
        Assert.That(byRule["GHSA-5crp-9r3c-p9vr"].GetProperty("level").GetString(), Is.EqualTo("error"));
        Assert.That(byRule["DSA-0000-1"].GetProperty("level").GetString(), Is.EqualTo("note"));
        Assert.That(byRule["CVE-2099-1"].GetProperty("suppressions")[0].GetProperty("kind").GetString(), Is.EqualTo("external"));
        var notification = run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications").EnumerateArray().Single();
        Assert.That(notification.GetProperty("message").GetProperty("text").GetString(), Does.Contain("trivy gave no advisory data"));
    }

    [Test]
    public void GitLab_report_has_the_container_scanning_15_fields()
    {
        using var json = JsonDocument.Parse(GitLabContainerScanningReportWriter.Write(Outcome(), Context));
        var root = json.RootElement;

        Assert.That(root.GetProperty("version").GetString(), Does.Match(@"^15\.0\.\d+$"));
        var scan = root.GetProperty("scan");
        Assert.That(scan.GetProperty("type").GetString(), Is.EqualTo("container_scanning"));
        Assert.That(scan.GetProperty("status").GetString(), Is.EqualTo("failure"), "a source without data was not accepted");
        Assert.That(scan.GetProperty("start_time").GetString(), Is.EqualTo("2026-11-22T10:00:00"));
        Assert.That(scan.GetProperty("end_time").GetString(), Is.EqualTo("2026-11-22T10:00:03"));
        foreach (var tool in new[] { "analyzer", "scanner" })
        {
            var t = scan.GetProperty(tool);
            Assert.That(new[] { t.GetProperty("id"), t.GetProperty("name"), t.GetProperty("version"), t.GetProperty("vendor").GetProperty("name") }
                .Select(e => e.GetString()), Has.All.Not.Empty);
        }

        var vulnerabilities = root.GetProperty("vulnerabilities").EnumerateArray().ToList();
        Assert.That(vulnerabilities, Has.Count.EqualTo(3));
        Assert.That(vulnerabilities.Select(v => v.GetProperty("id").GetString()).Distinct().Count(), Is.EqualTo(3));
        var ghsa = vulnerabilities.Single(v => v.GetProperty("identifiers")[0].GetProperty("value").GetString() == "GHSA-5crp-9r3c-p9vr");
        Assert.That(ghsa.GetProperty("severity").GetString(), Is.EqualTo("High"));
        Assert.That(ghsa.GetProperty("identifiers").EnumerateArray().Select(i => i.GetProperty("type").GetString()), Is.EqualTo(new[] { "ghsa", "cve" }));
        var location = ghsa.GetProperty("location");
        Assert.That(location.GetProperty("dependency").GetProperty("package").GetProperty("name").GetString(), Is.EqualTo("Newtonsoft.Json"));
        Assert.That(location.GetProperty("dependency").GetProperty("version").GetString(), Is.EqualTo("12.0.1"));
        Assert.That(location.GetProperty("image").GetString(), Is.EqualTo(Context.Image));
        Assert.That(location.GetProperty("operating_system").GetString(), Is.EqualTo("debian 12"));
        Assert.That(ghsa.GetProperty("solution").GetString(), Does.Contain("13.0.1"));
    }

    [Test]
    public void GitLab_status_is_success_when_missing_data_is_accepted() =>
        Assert.That(JsonDocument.Parse(GitLabContainerScanningReportWriter.Write(Outcome(acceptMissing: true), Context))
            .RootElement.GetProperty("scan").GetProperty("status").GetString(), Is.EqualTo("success"));

    [Test]
    public async Task Summary_counts_severities_and_names_sources_without_data()
    {
        using var folder = new TempDirectory("summary");
        var path = folder.Combine("scan-summary.json");

        await ScanSummaryWriter.WriteFileAsync(ScanSummary.From(Outcome()), path, CancellationToken.None);

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        var root = json.RootElement;
        Assert.That(root.GetProperty("verdict").GetString(), Is.EqualTo("Failed"));
        var counts = root.GetProperty("countsBySeverity");
        Assert.That(new[] { "critical", "high", "medium", "low", "unknown" }.Select(s => counts.GetProperty(s).GetInt32()), Is.EqualTo(new[] { 1, 1, 0, 1, 0 }));
        Assert.That(root.GetProperty("blocking").GetInt32(), Is.EqualTo(1));
        Assert.That(root.GetProperty("allowlisted").GetInt32(), Is.EqualTo(1));
        Assert.That(root.GetProperty("sourcesWithData").EnumerateArray().Select(s => s.GetString()), Is.EqualTo(new[] { "nuget", "osv" }));
        var missing = root.GetProperty("sourcesWithoutData").EnumerateArray().Single();
        Assert.That(missing.GetProperty("name").GetString(), Is.EqualTo("trivy"));
        Assert.That(missing.GetProperty("reason").GetString(), Does.Contain("PATH"));
    }

    [Test]
    public async Task All_reports_are_written_into_one_folder_without_temp_files()
    {
        using var folder = new TempDirectory("reports");

        var summary = await ScanReportFiles.WriteAllAsync(Outcome(), Context, folder.Combine("scan"), CancellationToken.None);

        Assert.That(summary.Verdict, Is.EqualTo(ScanVerdict.Failed));
        Assert.That(Directory.GetFiles(folder.Combine("scan")).Select(Path.GetFileName),
            Is.EquivalentTo(new[] { ScanReportFiles.Sarif, ScanReportFiles.GitLab, ScanReportFiles.Summary }));
    }
}
