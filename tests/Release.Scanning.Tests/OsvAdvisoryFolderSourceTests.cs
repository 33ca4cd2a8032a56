using Release.Scanning.Model;
using Release.Scanning.Sources.Osv;
using Release.Testing;

namespace Release.Scanning.Tests;

public sealed class OsvAdvisoryFolderSourceTests
{
    private const string NewtonsoftOsv = """
        {
          "schema_version": "1.6.0",
          "id": "GHSA-5crp-9r3c-p9vr",
          "aliases": ["CVE-2024-21907"],
          "summary": "Improper Handling of Exceptional Conditions in Newtonsoft.Json",
          "affected": [{
            "package": {"ecosystem": "NuGet", "name": "Newtonsoft.Json"},
            "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "13.0.1"}]}]
          }],
          "references": [{"type": "ADVISORY", "url": "https://github.com/advisories/GHSA-5crp-9r3c-p9vr"}],
          "database_specific": {"severity": "HIGH"}
        }
        """;

    private static readonly SoftwareComponent Old = new(ComponentEcosystem.NuGet, "Newtonsoft.Json", "12.0.1");
    private static readonly SoftwareComponent Fixed = new(ComponentEcosystem.NuGet, "newtonsoft.json", "13.0.1");

    [Test]
    public async Task Matches_a_version_inside_the_range_and_not_the_fixed_one()
    {
        using var folder = new TempDirectory("osv");
        folder.WriteFile("nuget/GHSA-5crp-9r3c-p9vr.json", NewtonsoftOsv);

        var result = await new OsvAdvisoryFolderSource(folder.Path).QueryAsync([Old, Fixed], CancellationToken.None);

        Assert.That(result.GaveData, Is.True);
        var finding = result.Findings.Single();
        Assert.That(finding.Component, Is.EqualTo(Old));
        Assert.That(finding.Advisory.Severity, Is.EqualTo(Severity.High));
        Assert.That(finding.Advisory.Aliases, Is.EqualTo(new[] { "CVE-2024-21907" }));
        Assert.That(finding.FixedVersion, Is.EqualTo("13.0.1"));
    }

    [Test]
    public async Task Debian_ranges_use_dpkg_ordering_and_cvss_vectors_give_severity()
    {
        using var folder = new TempDirectory("osv");
        folder.WriteFile("DSA-1.json", """
            {"id": "DSA-0000-1", "summary": "test",
             "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
             "affected": [{"package": {"ecosystem": "Debian:12", "name": "openssl"},
                           "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "3.0.11-1~deb12u2"}]}]}]}
            """);
        var affected = new SoftwareComponent(ComponentEcosystem.Debian, "openssl", "3.0.11-1~deb12u1", Architecture: "amd64");
        var notAffected = new SoftwareComponent(ComponentEcosystem.Debian, "openssl", "3.0.11-1", Architecture: "arm64");

        var result = await new OsvAdvisoryFolderSource(folder.Path).QueryAsync([affected, notAffected], CancellationToken.None);

        Assert.That(result.Findings.Select(f => f.Component), Is.EqualTo(new[] { affected }));
        Assert.That(result.Findings.Single().Advisory.Severity, Is.EqualTo(Severity.Critical), "9.8 base score");
    }

    [Test]
    public async Task Explicit_versions_list_and_last_affected_are_honoured()
    {
        using var folder = new TempDirectory("osv");
        folder.WriteFile("x.json", """
            {"id": "OSV-X", "affected": [
              {"package": {"ecosystem": "NuGet", "name": "Lib"}, "versions": ["1.0.0"]},
              {"package": {"ecosystem": "NuGet", "name": "Other"},
               "ranges": [{"type": "SEMVER", "events": [{"introduced": "2.0.0"}, {"last_affected": "2.1.0"}]}]}]}
            """);
        SoftwareComponent[] components =
        [
            new(ComponentEcosystem.NuGet, "Lib", "1.0.0"), new(ComponentEcosystem.NuGet, "Lib", "1.0.1"),
            new(ComponentEcosystem.NuGet, "Other", "1.9.0"), new(ComponentEcosystem.NuGet, "Other", "2.1.0"),
            new(ComponentEcosystem.NuGet, "Other", "2.1.1"),
        ];

        var result = await new OsvAdvisoryFolderSource(folder.Path).QueryAsync(components, CancellationToken.None);

        Assert.That(result.Findings.Select(f => f.Component.Purl), Is.EquivalentTo(new[] { "pkg:nuget/Lib@1.0.0", "pkg:nuget/Other@2.1.0" }));
        Assert.That(result.Findings.All(f => f.Advisory.Severity == Severity.Unknown), Is.True);
    }

    [Test]
    public async Task Empty_folder_gives_no_data()
    {
        using var folder = new TempDirectory("osv");

        var result = await new OsvAdvisoryFolderSource(folder.Path).QueryAsync([Old], CancellationToken.None);

        Assert.That(result.GaveData, Is.False);
        Assert.That(result.NoDataReason, Does.Contain(folder.Path));
    }

    [Test]
    public void Missing_folder_and_document_without_id_are_clear_errors()
    {
        using var folder = new TempDirectory("osv");
        var bad = folder.WriteFile("bad.json", """{"summary": "no id"}""");

        var missing = Assert.ThrowsAsync<DirectoryNotFoundException>(() =>
            new OsvAdvisoryFolderSource(folder.Combine("nope")).QueryAsync([Old], CancellationToken.None));
        var noId = Assert.ThrowsAsync<InvalidDataException>(() =>
            new OsvAdvisoryFolderSource(folder.Path).QueryAsync([Old], CancellationToken.None));

        Assert.That(missing!.Message, Does.Contain("nope").And.Contain("does not exist"));
        Assert.That(noId!.Message, Does.Contain(bad).And.Contain("'id'"));
    }
}
