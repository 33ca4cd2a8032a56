using System.Text.Json;
using Release.Scanning.Model;
using Release.Scanning.Policy;
using Release.Scanning.Reports;
using Release.Testing;
using Release.Testing.Npm;

namespace Release.Scanning.Tests;

/// <summary>SARIF results locate a package in the scanned manifest where its place is known; the Multitool accepts the log.</summary>
public sealed class SarifLocationTests
{
    private const string Assets = """
        {
          "version": 3,
          "targets": {
            "net10.0": {
              "Newtonsoft.Json/12.0.1": {
                "type": "package"
              }
            }
          }
        }
        """;

    private static readonly DateTimeOffset Start = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    private static ScanOutcome Outcome()
    {
        var nuget = new Finding(
            new Advisory("GHSA-5crp-9r3c-p9vr", ["CVE-2024-21907"], "Improper Handling of Exceptional Conditions", Severity.High, "https://github.com/advisories/GHSA-5crp-9r3c-p9vr"),
            new SoftwareComponent(ComponentEcosystem.NuGet, "Newtonsoft.Json", "12.0.1"), "osv", "(, 13.0.1)", "13.0.1");
        var debian = new Finding(
            new Advisory("DSA-0000-1", [], "libc6 issue", Severity.Low, "https://security-tracker.debian.org/tracker/DSA-0000-1"),
            new SoftwareComponent(ComponentEcosystem.Debian, "libc6", "2.36-9", Architecture: "amd64"), "osv", "introduced 0");
        return ScanEvaluator.Evaluate([AdvisorySourceResult.WithData("osv", [nuget, debian])], new ScanPolicy(Severity.High, false, []), Start, Start.AddSeconds(1));
    }

    private static readonly ScanReportContext Context =
        new("shop-api", "1.4.0", "registry.local/apps/shop-api:1.4.0", "debian 12", "src/Shop/obj/project.assets.json") { ArtifactText = Assets };

    [Test]
    public void A_package_found_in_the_manifest_gets_its_region_and_others_a_logical_location_only()
    {
        using var json = JsonDocument.Parse(SarifReportWriter.Write(Outcome(), Context));
        var run = json.RootElement.GetProperty("runs")[0];
        var results = run.GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("ruleId").GetString()!);

        var nuget = results["GHSA-5crp-9r3c-p9vr"].GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.That(nuget.GetProperty("artifactLocation").GetProperty("uri").GetString(), Is.EqualTo("src/Shop/obj/project.assets.json"));
        var region = nuget.GetProperty("region");
        Assert.That((region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(), region.GetProperty("endColumn").GetInt32()),
            Is.EqualTo((5, 7, 31)), "the \"Newtonsoft.Json/12.0.1\" key");
        Assert.That(results["DSA-0000-1"].GetProperty("locations")[0].TryGetProperty("physicalLocation", out _), Is.False,
            "an OS package is not in the assets file");
        Assert.That(run.GetProperty("tool").GetProperty("driver").GetProperty("informationUri").GetString(), Does.StartWith("https://"));
    }

    [Test]
    public async Task The_SARIF_Multitool_validates_the_log_without_errors_or_warnings()
    {
        using var folder = new TempDirectory("sarif");
        var path = folder.Combine("scan.sarif");
        await SarifReportWriter.WriteFileAsync(Outcome(), Context, path, CancellationToken.None);

        var (exitCode, output) = await SarifMultitool.ValidateAsync(path);

        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output, Does.Not.Contain("error SARIF").And.Not.Contain("warning SARIF"), output);
    }
}
