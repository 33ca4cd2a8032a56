using System.Formats.Tar;
using System.Text.Json;
using Release.Scanning.Model;
using Release.Scanning.Sbom;
using Release.Scanning.Sources.Osv;
using Release.Scanning.Tests.Fixtures;
using Release.Testing;
using Release.Testing.Npm;

namespace Release.Scanning.Tests;

/// <summary>
/// The image SBOM lists the .NET runtime the base image carries, read from a layer laid out as HostBaseImageAssembler
/// (and Microsoft's images) lay it out, with this machine's real framework deps.json files.
/// </summary>
public sealed class ImageRuntimeSbomTests
{
    private const string Status = "Package: libc6\nStatus: install ok installed\nVersion: 2.36-9+deb12u4\nArchitecture: amd64\n";

    private static string HostFramework(string name)
    {
        var shared = Path.Combine(Path.GetDirectoryName(Environment.ProcessPath!)!, "shared", name);
        var folder = Directory.Exists(shared) ? shared : Path.Combine("/usr/share/dotnet/shared", name);
        return Directory.GetDirectories(folder).Order(StringComparer.Ordinal).Last();
    }

    private static async Task<string> BaseLayerAsync(TempDirectory folder)
    {
        var path = folder.Combine("base.tar");
        await using var file = File.Create(path);
        await using var tar = new TarWriter(file, TarEntryFormat.Pax);
        var status = folder.WriteFile("status", Status);
        await tar.WriteEntryAsync(status, "var/lib/dpkg/status");
        foreach (var name in new[] { "Microsoft.NETCore.App", "Microsoft.AspNetCore.App" })
        {
            var version = HostFramework(name);
            await tar.WriteEntryAsync(Path.Combine(version, $"{name}.deps.json"),
                $"usr/share/dotnet/shared/{name}/{Path.GetFileName(version)}/{name}.deps.json");
        }
        return path;
    }

    private static string RuntimeVersion => Path.GetFileName(HostFramework("Microsoft.NETCore.App"));

    private static string Rid => System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;

    [Test]
    public async Task The_runtime_packs_of_the_image_are_components_with_version_and_purl()
    {
        using var folder = new TempDirectory("runtime");

        var components = await ImageOsPackageReader.ReadLayersAsync([await BaseLayerAsync(folder)], CancellationToken.None);

        var runtime = components.Single(c => c.Name.StartsWith("Microsoft.NETCore.App.Runtime.", StringComparison.Ordinal));
        Assert.That(runtime.Name, Is.EqualTo($"Microsoft.NETCore.App.Runtime.{Rid}"));
        Assert.That(runtime.Version, Is.EqualTo(RuntimeVersion));
        Assert.That(runtime.Purl, Is.EqualTo($"pkg:nuget/Microsoft.NETCore.App.Runtime.{Rid}@{RuntimeVersion}"));
        var aspnet = components.Single(c => c.Name.StartsWith("Microsoft.AspNetCore.App.Runtime.", StringComparison.Ordinal));
        Assert.That(aspnet.DependsOn, Is.EqualTo(new[] { runtime.Name }));
        Assert.That(components.Select(c => c.Name), Does.Contain("libc6"));
    }

    [Test]
    public async Task An_OSV_advisory_on_that_runtime_version_matches()
    {
        using var folder = new TempDirectory("runtime");
        var components = await ImageOsPackageReader.ReadLayersAsync([await BaseLayerAsync(folder)], CancellationToken.None);
        var version = NuGet.Versioning.NuGetVersion.Parse(RuntimeVersion);
        var fixedIn = $"{version.Major}.{version.Minor}.{version.Patch + 1}";
        // Shaped as GitHub's advisories for .NET runtime CVEs appear in OSV's NuGet ecosystem (one entry per runtime pack).
        folder.WriteFile("osv/NuGet/GHSA-test-runtime.json", $$"""
            {"schema_version": "1.6.0", "id": "GHSA-xxxx-runtime", "aliases": ["CVE-2099-0001"], "modified": "2026-12-01T00:00:00Z",
             "summary": ".NET Denial of Service Vulnerability",
             "affected": [{"package": {"ecosystem": "NuGet", "name": "Microsoft.NETCore.App.Runtime.{{Rid}}"},
                           "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "{{version.Major}}.{{version.Minor}}.0"}, {"fixed": "{{fixedIn}}"}]}]}],
             "database_specific": {"severity": "HIGH"} }
            """);

        var result = await new OsvAdvisoryFolderSource(folder.Combine("osv")).QueryAsync(components, CancellationToken.None);

        var finding = result.Findings.Single();
        Assert.That(finding.Component.Purl, Is.EqualTo($"pkg:nuget/Microsoft.NETCore.App.Runtime.{Rid}@{RuntimeVersion}"));
        Assert.That(finding.FixedVersion, Is.EqualTo(fixedIn));
    }

    [Test]
    public async Task Both_SBOMs_carry_dependencies_and_validate_against_the_CycloneDX_1_6_schema()
    {
        using var project = await RestoredProject.CreateAsync([("Microsoft.Extensions.Logging", "10.0.0", "")], null, audit: false, CancellationToken.None);
        using var folder = new TempDirectory("sbom");
        var app = await ProjectAssetsReader.ReadAsync(project.AssetsPath, CancellationToken.None);
        var os = await ImageOsPackageReader.ReadLayersAsync([await BaseLayerAsync(folder)], CancellationToken.None);
        var writer = new CycloneDxWriter(FixtureClock.Default);
        var appPath = folder.Combine("app.cdx.json");
        var imagePath = folder.Combine("image.cdx.json");
        await writer.WriteFileAsync(SoftwareBillOfMaterials.Create("director", "1.2.3", SbomSubjectKind.Application, app), appPath, CancellationToken.None);
        await writer.WriteFileAsync(SoftwareBillOfMaterials.Create("apps/director", "1.2.3", SbomSubjectKind.Container, os.Concat(app)), imagePath, CancellationToken.None);

        foreach (var path in new[] { appPath, imagePath })
        {
            var (valid, output) = await CycloneDxSchema.ValidateAsync(path);
            Assert.That(valid, Is.True, $"{Path.GetFileName(path)}:\n{output}");
        }

        using var appJson = JsonDocument.Parse(await File.ReadAllTextAsync(appPath));
        Assert.That(appJson.RootElement.GetProperty("specVersion").GetString(), Is.EqualTo("1.6"));
        var edges = appJson.RootElement.GetProperty("dependencies").EnumerateArray()
            .ToDictionary(d => d.GetProperty("ref").GetString()!, d => d.GetProperty("dependsOn").EnumerateArray().Select(e => e.GetString()!).ToList());
        Assert.That(edges["subject:director@1.2.3"], Is.EqualTo(new[] { "pkg:nuget/Microsoft.Extensions.Logging@10.0.0" }));
        Assert.That(edges["pkg:nuget/Microsoft.Extensions.Logging@10.0.0"], Has.Some.StartsWith("pkg:nuget/Microsoft.Extensions.Logging.Abstractions@"));

        using var imageJson = JsonDocument.Parse(await File.ReadAllTextAsync(imagePath));
        var imageEdges = imageJson.RootElement.GetProperty("dependencies").EnumerateArray()
            .ToDictionary(d => d.GetProperty("ref").GetString()!, d => d.GetProperty("dependsOn").EnumerateArray().Select(e => e.GetString()!).ToList());
        Assert.That(imageEdges["subject:apps/director@1.2.3"], Does.Contain($"pkg:nuget/Microsoft.NETCore.App.Runtime.{Rid}@{RuntimeVersion}")
            .And.Contain("pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?arch=amd64"));
    }

    [Test]
    public async Task A_bad_CycloneDX_document_is_rejected_by_the_validator()
    {
        using var folder = new TempDirectory("sbom");
        var path = folder.WriteFile("bad.cdx.json", """{"bomFormat":"CycloneDX","specVersion":"1.6","version":1,"components":[{"type":"library","name":"x","version":1}]}""");

        var (valid, output) = await CycloneDxSchema.ValidateAsync(path);

        Assert.That(valid, Is.False);
        Assert.That(output, Does.Contain("/components/0/version"));
    }
}
