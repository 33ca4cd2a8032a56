using Release.Scanning.Model;
using Release.Scanning.Sources.Osv;

namespace Release.Scanning.Tests;

public sealed class CvssSeverityTests
{
    // Scores as published by NVD for these vectors.
    [TestCase("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8)]
    [TestCase("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", 7.5)]
    [TestCase("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1)]
    [TestCase("CVSS:3.0/AV:L/AC:H/PR:L/UI:N/S:U/C:L/I:N/A:N", 2.5)]
    [TestCase("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", 0.0)]
    public void Base_score_matches_published_scores(string vector, double expected) =>
        Assert.That(CvssSeverity.BaseScore(vector), Is.EqualTo(expected));

    [Test]
    public void Incomplete_or_other_version_vectors_give_no_score()
    {
        Assert.That(CvssSeverity.BaseScore("CVSS:3.1/AV:N/AC:L"), Is.Null);
        Assert.That(CvssSeverity.BaseScore("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"), Is.Null, "v4 is scored by V4Score");
    }

    [TestCase(9.0, Severity.Critical)]
    [TestCase(8.9, Severity.High)]
    [TestCase(4.0, Severity.Medium)]
    [TestCase(0.1, Severity.Low)]
    public void Score_maps_to_rating(double score, Severity expected) => Assert.That(CvssSeverity.FromScore(score), Is.EqualTo(expected));

    // Scores of FIRST's CVSS v4.0 reference calculator for these vectors (base, threat, environmental, safety).
    [TestCase("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H", 10.0, Severity.Critical)]
    [TestCase("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 9.3, Severity.Critical)]
    [TestCase("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:N", 9.9, Severity.Critical)]
    [TestCase("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N", 8.7, Severity.High)]
    [TestCase("CVSS:4.0/AV:N/AC:L/AT:N/PR:H/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 8.6, Severity.High)]
    [TestCase("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:H/VI:L/VA:N/SC:N/SI:N/SA:N", 7.1, Severity.High)]
    [TestCase("CVSS:4.0/AV:A/AC:H/AT:N/PR:N/UI:P/VC:L/VI:H/VA:L/SC:H/SI:L/SA:N", 7.1, Severity.High)]
    [TestCase("CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:L/VA:N/SC:N/SI:N/SA:N", 6.9, Severity.Medium)]
    [TestCase("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N", 5.3, Severity.Medium)]
    [TestCase("CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N", 5.3, Severity.Medium)]
    [TestCase("CVSS:4.0/AV:L/AC:H/AT:P/PR:H/UI:A/VC:N/VI:N/VA:H/SC:L/SI:N/SA:N", 4.1, Severity.Medium)]
    [TestCase("CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:L/VI:L/VA:L/SC:L/SI:L/SA:L", 1.0, Severity.Low)]
    [TestCase("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N", 0.0, Severity.Unknown)]
    [TestCase("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U", 8.1, Severity.High)]
    [TestCase("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:P/CR:H/IR:L/AR:M", 8.8, Severity.High)]
    [TestCase("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/MSI:S/MSA:S", 10.0, Severity.Critical)]
    [TestCase("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/MAV:P/MAC:H", 5.4, Severity.Medium)]
    [TestCase("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/U:Red/R:A", 9.3, Severity.Critical)]
    public void V4_scores_and_ratings_match_FIRSTs_calculator(string vector, double score, Severity rating)
    {
        Assert.That(CvssSeverity.V4Score(vector), Is.EqualTo(score));
        Assert.That(CvssSeverity.FromScore(score), Is.EqualTo(rating));
    }

    [TestCase("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N")]
    [TestCase("CVSS:4.0/AV:X/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N")]
    [TestCase("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:S/SA:N")]
    [TestCase("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")]
    public void Incomplete_or_invalid_v4_vectors_give_no_score(string vector) => Assert.That(CvssSeverity.V4Score(vector), Is.Null);

    [Test]
    public async Task An_OSV_document_with_only_a_v4_vector_gets_its_severity()
    {
        using var folder = new Release.Testing.TempDirectory("osv");
        // Shaped as OSV's export of a GitHub advisory that carries only CVSS_V4 (no database_specific severity).
        folder.WriteFile("NuGet/GHSA-v4only.json", """
            {
              "schema_version": "1.6.0",
              "id": "GHSA-4v4v-4v4v-4v4v",
              "modified": "2026-11-30T12:00:00Z",
              "published": "2026-11-28T12:00:00Z",
              "aliases": ["CVE-2026-40404"],
              "summary": "Denial of service in Example.Parser",
              "details": "Crafted input makes Example.Parser consume unbounded memory.",
              "severity": [{"type": "CVSS_V4", "score": "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N"}],
              "affected": [{
                "package": {"ecosystem": "NuGet", "name": "Example.Parser", "purl": "pkg:nuget/Example.Parser"},
                "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "2.1.0"}]}],
                "database_specific": {"source": "https://github.com/github/advisory-database/blob/main/advisories/github-reviewed/2026/11/GHSA-4v4v-4v4v-4v4v/GHSA-4v4v-4v4v-4v4v.json"}
              }],
              "references": [{"type": "ADVISORY", "url": "https://nvd.nist.gov/vuln/detail/CVE-2026-40404"}],
              "database_specific": {"cwe_ids": ["CWE-400"], "github_reviewed": true}
            }
            """);

        var result = await new OsvAdvisoryFolderSource(folder.Path).QueryAsync(
            [new SoftwareComponent(ComponentEcosystem.NuGet, "Example.Parser", "2.0.0")], CancellationToken.None);

        Assert.That(result.Findings.Single().Advisory.Severity, Is.EqualTo(Severity.High), "8.7 by CVSS v4.0");
    }
}
