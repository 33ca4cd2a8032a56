using Release.Testing;
using System.IO.Compression;
using System.Xml.Linq;
using Release.Distribution.Tests.Support;

namespace Release.Distribution.Tests.Packages;

/// <summary>What a team gets in each library package: metadata, README, XML docs, symbols with SourceLink.</summary>
public class PackageContentTests
{
    private static IEnumerable<string> Libraries() =>
        Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "source"), "*.csproj", SearchOption.AllDirectories)
            .Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

    [TestCaseSource(nameof(Libraries))]
    public async Task Each_library_packs_with_metadata_readme_docs_and_symbols(string assembly)
    {
        var feed = SharedFeed.Feed;
        await feed.EnsurePackedAsync();
        var id = "ReleaseKit." + assembly;
        var package = Path.Combine(feed.Folder, $"{id}.{LibraryFeed.FirstVersion}.nupkg");
        var symbols = Path.ChangeExtension(package, ".snupkg");

        using var archive = ZipFile.OpenRead(package);
        var entries = archive.Entries.Select(e => e.FullName).ToList();
        var nuspec = XDocument.Load(archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        string? Metadata(string name) => nuspec.Root!.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

        Assert.Multiple(() =>
        {
            Assert.That(Metadata("id"), Is.EqualTo(id));
            Assert.That(Metadata("version"), Is.EqualTo(LibraryFeed.FirstVersion));
            Assert.That(Metadata("description"), Is.Not.Empty.And.Not.EqualTo("Package Description"));
            Assert.That(Metadata("license"), Is.EqualTo("MIT"));
            Assert.That(Metadata("readme"), Is.EqualTo("README.md"));
            Assert.That(entries, Does.Contain("README.md").And.Contain($"lib/net10.0/{assembly}.dll").And.Contain($"lib/net10.0/{assembly}.xml"));
            Assert.That(File.Exists(symbols), Is.True, $"{symbols} (symbols package)");
        });
        using var symbolArchive = ZipFile.OpenRead(symbols);
        Assert.That(symbolArchive.Entries.Select(e => e.FullName), Does.Contain($"lib/net10.0/{assembly}.pdb"));
    }

    [Test]
    public async Task The_packed_version_is_the_informational_version_reports_name_as_tool_version()
    {
        var feed = SharedFeed.Feed;
        await feed.EnsurePackedAsync();
        // Release.Scanning's ReportingTool.Version (SBOM, SARIF, GitLab report) reads this attribute, without the '+commit' suffix.
        using var archive = ZipFile.OpenRead(Path.Combine(feed.Folder, $"ReleaseKit.Release.Scanning.{LibraryFeed.FirstVersion}.nupkg"));
        using var folder = new Release.Testing.TempDirectory("release-package");
        var dll = folder.Combine("Release.Scanning.dll");
        archive.GetEntry("lib/net10.0/Release.Scanning.dll")!.ExtractToFile(dll);
        var version = System.Diagnostics.FileVersionInfo.GetVersionInfo(dll).ProductVersion;
        Assert.That(version?.Split('+')[0], Is.EqualTo(LibraryFeed.FirstVersion));
    }
}
