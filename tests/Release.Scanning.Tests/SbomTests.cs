using System.Text.Json;
using Release.Scanning.Model;
using Release.Scanning.Sbom;
using Release.Scanning.Tests.Fixtures;
using Release.Testing;

namespace Release.Scanning.Tests;

public sealed class SbomTests
{
    [Test]
    public async Task Restored_project_gives_direct_transitive_and_build_only_packages()
    {
        using var project = await RestoredProject.CreateAsync(
        [
            ("Microsoft.Extensions.Logging", "10.0.0", ""),
            ("NUnit.Analyzers", "4.15.0", "PrivateAssets=\"all\""),
        ], null, audit: false, CancellationToken.None);

        var components = await ProjectAssetsReader.ReadAsync(project.AssetsPath, CancellationToken.None);

        var logging = components.Single(c => c.Name == "Microsoft.Extensions.Logging");
        var primitives = components.Single(c => c.Name == "Microsoft.Extensions.Primitives");
        var analyzers = components.Single(c => c.Name == "NUnit.Analyzers");
        Assert.That((logging.IsDirect, logging.Scope), Is.EqualTo((true, DependencyScope.Required)));
        Assert.That((primitives.IsDirect, primitives.Scope), Is.EqualTo((false, DependencyScope.Required)), "transitive via Options");
        Assert.That((analyzers.IsDirect, analyzers.Scope), Is.EqualTo((true, DependencyScope.Excluded)));
        Assert.That(components.Select(c => c.Purl), Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
    }

    [Test]
    public void Missing_assets_file_says_to_restore()
    {
        var error = Assert.ThrowsAsync<FileNotFoundException>(() => ProjectAssetsReader.ReadAsync("/nonexistent/obj/project.assets.json", CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("/nonexistent/obj/project.assets.json").And.Contain("dotnet restore"));
    }

    [Test]
    public async Task CycloneDx_document_has_the_required_shape_and_is_deterministic()
    {
        var sbom = SoftwareBillOfMaterials.Create("shop-api", "1.4.0", SbomSubjectKind.Container,
        [
            new SoftwareComponent(ComponentEcosystem.NuGet, "Newtonsoft.Json", "12.0.1", IsDirect: true),
            new SoftwareComponent(ComponentEcosystem.Debian, "libc6", "2.36-9+deb12u4", Architecture: "amd64"),
            new SoftwareComponent(ComponentEcosystem.NuGet, "Newtonsoft.Json", "12.0.1", DependencyScope.Excluded, IsDirect: false),
        ]);
        var writer = new CycloneDxWriter(FixtureClock.Default);
        using var folder = new TempDirectory("sbom");
        var path = folder.Combine("out", "sbom.cdx.json");

        await writer.WriteFileAsync(sbom, path, CancellationToken.None);
        var text = await File.ReadAllTextAsync(path);

        Assert.That(text, Is.EqualTo(writer.Write(sbom)), "same input, same clock, same bytes");
        Assert.That(Directory.GetFiles(folder.Combine("out")), Has.Length.EqualTo(1), "no temp file left behind");
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        Assert.That(root.GetProperty("bomFormat").GetString(), Is.EqualTo("CycloneDX"));
        Assert.That(root.GetProperty("specVersion").GetString(), Is.EqualTo("1.6"));
        Assert.That(root.GetProperty("serialNumber").GetString(), Does.Match("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
        Assert.That(root.GetProperty("version").GetInt32(), Is.EqualTo(1));
        var metadata = root.GetProperty("metadata");
        Assert.That(metadata.GetProperty("timestamp").GetString(), Is.EqualTo("2026-11-22T10:00:00Z"));
        Assert.That(metadata.GetProperty("component").GetProperty("type").GetString(), Is.EqualTo("container"));
        Assert.That(metadata.GetProperty("tools").GetProperty("components")[0].GetProperty("name").GetString(), Is.EqualTo("Release.Scanning"));
        var components = root.GetProperty("components").EnumerateArray().ToList();
        Assert.That(components.Select(c => c.GetProperty("purl").GetString()), Is.EqualTo(new[]
        {
            "pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?arch=amd64",
            "pkg:nuget/Newtonsoft.Json@12.0.1",
        }));
        Assert.That(components.Select(c => c.GetProperty("scope").GetString()), Is.EqualTo(new[] { "required", "required" }), "duplicate merged, required wins");
        Assert.That(components.All(c => c.GetProperty("type").GetString() == "library" && c.GetProperty("bom-ref").GetString() == c.GetProperty("purl").GetString()), Is.True);
    }
}
