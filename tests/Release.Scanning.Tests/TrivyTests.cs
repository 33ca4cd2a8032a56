using Release.Scanning.Model;
using Release.Scanning.Sources.Trivy;
using Release.Testing;

namespace Release.Scanning.Tests;

// Executable bits are a Unix notion; the project builds and tests on Debian.
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class TrivyTests
{
    // Trimmed from the shape of `trivy image --format json` (schema version 2).
    private const string Report = """
        {
          "SchemaVersion": 2,
          "ArtifactName": "shop-api.tar",
          "ArtifactType": "container_image",
          "Results": [
            {"Target": "shop-api.tar (debian 12.5)", "Class": "os-pkgs", "Type": "debian",
             "Vulnerabilities": [{"VulnerabilityID": "CVE-2024-2961", "PkgName": "libc6", "InstalledVersion": "2.36-9+deb12u4",
               "FixedVersion": "2.36-9+deb12u7", "Severity": "HIGH", "Title": "glibc: iconv out-of-bounds write",
               "PrimaryURL": "https://avd.aquasec.com/nvd/cve-2024-2961"}]},
            {"Target": "app/Shop.deps.json", "Class": "lang-pkgs", "Type": "dotnet-core",
             "Vulnerabilities": [{"VulnerabilityID": "GHSA-5crp-9r3c-p9vr", "PkgName": "Newtonsoft.Json", "InstalledVersion": "12.0.1",
               "FixedVersion": "13.0.1", "Severity": "HIGH"}]},
            {"Target": "usr/local/bin/tool", "Class": "lang-pkgs", "Type": "gobinary"}
          ]
        }
        """;

    [Test]
    public void Parser_reads_os_and_language_findings()
    {
        var findings = TrivyReportParser.Parse(Report, "trivy.json", "trivy");

        Assert.That(findings.Select(f => (f.Advisory.Id, f.Component.Purl, f.Advisory.Severity, f.FixedVersion)), Is.EqualTo(new[]
        {
            ("CVE-2024-2961", "pkg:deb/debian/libc6@2.36-9%2Bdeb12u4", Severity.High, (string?)"2.36-9+deb12u7"),
            ("GHSA-5crp-9r3c-p9vr", "pkg:nuget/Newtonsoft.Json@12.0.1", Severity.High, (string?)"13.0.1"),
        }));
    }

    [Test]
    public void Parser_rejects_json_that_is_not_a_trivy_report()
    {
        var error = Assert.Throws<InvalidDataException>(() => TrivyReportParser.Parse("""{"runs": []}""", "scan.json", "trivy"));

        Assert.That(error!.Message, Does.Contain("scan.json").And.Contain("--format json"));
    }

    [Test]
    public void Locator_finds_only_an_executable_trivy_on_the_search_path()
    {
        using var folder = new TempDirectory("trivy-path");
        var notExecutable = folder.WriteFile("a/trivy", "");
        var executable = folder.WriteFile("b/trivy", "#!/bin/sh\n");
        File.SetUnixFileMode(executable, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        var searchPath = string.Join(Path.PathSeparator, folder.Combine("missing"), Path.GetDirectoryName(notExecutable), Path.GetDirectoryName(executable));

        Assert.That(TrivyExecutableLocator.Find(searchPath), Is.EqualTo(executable));
        Assert.That(TrivyExecutableLocator.Find(folder.Combine("a")), Is.Null);
    }

    [Test]
    public async Task Source_without_trivy_on_path_gives_no_data()
    {
        using var folder = new TempDirectory("trivy-path");

        var result = await new TrivySource("image.tar", TrivyTargetKind.ImageArchive, folder.Path).QueryAsync([], CancellationToken.None);

        Assert.That(result.GaveData, Is.False);
        Assert.That(result.NoDataReason, Does.Contain("trivy"));
    }

    [Test]
    public async Task Source_runs_the_executable_it_finds_and_parses_its_output()
    {
        // A stand-in executable (no trivy is installable here): it checks its arguments and prints a report.
        using var folder = new TempDirectory("trivy-path");
        folder.WriteFile("report.json", Report);
        var script = folder.WriteFile("bin/trivy", $$"""
            #!/bin/sh
            [ "$1" = "rootfs" ] && [ "$2" = "/some/rootfs" ] && [ "$3" = "--format" ] && [ "$4" = "json" ] || { echo "bad args: $*" >&2; exit 3; }
            cat '{{folder.Combine("report.json")}}'
            """);
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var ok = await new TrivySource("/some/rootfs", TrivyTargetKind.RootFileSystem, folder.Combine("bin")).QueryAsync([], CancellationToken.None);
        var failing = await new TrivySource("image.tar", TrivyTargetKind.ImageArchive, folder.Combine("bin")).QueryAsync([], CancellationToken.None);

        Assert.That(ok.GaveData, Is.True);
        Assert.That(ok.Findings, Has.Count.EqualTo(2));
        Assert.That(failing.GaveData, Is.False);
        Assert.That(failing.NoDataReason, Does.Contain("code 3").And.Contain("bad args"));
    }
}
