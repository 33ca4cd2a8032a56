using System.Formats.Tar;
using System.IO.Compression;
using Release.Scanning.Model;
using Release.Scanning.Sbom;
using Release.Testing;

namespace Release.Scanning.Tests;

public sealed class DpkgAndImageTests
{
    // Shaped like Debian 12's var/lib/dpkg/status: multi-line fields, a removed package that left config files.
    private const string Status = """
        Package: libc6
        Status: install ok installed
        Priority: optional
        Section: libs
        Installed-Size: 12986
        Maintainer: GNU Libc Maintainers <debian-glibc@lists.debian.org>
        Architecture: amd64
        Multi-Arch: same
        Source: glibc
        Version: 2.36-9+deb12u4
        Depends: libgcc-s1
        Description: GNU C Library: Shared libraries
         Contains the standard libraries that are used by nearly all programs on
         the system.

        Package: login
        Status: install ok installed
        Architecture: amd64
        Version: 1:4.13+dfsg1-1+b1
        Conffiles:
         /etc/login.defs 1b2c3d4e5f obsolete

        Package: old-tool
        Status: deinstall ok config-files
        Architecture: all
        Version: 0.1-1

        """;

    [Test]
    public void Status_file_gives_installed_packages_with_debian_purls()
    {
        var components = DpkgStatusParser.Parse(Status, "status");

        Assert.That(components.Select(c => c.Purl), Is.EqualTo(new[]
        {
            "pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?arch=amd64",
            "pkg:deb/debian/login@1:4.13%2Bdfsg1-1%2Bb1?arch=amd64",
        }));
        Assert.That(components.All(c => c.Ecosystem == ComponentEcosystem.Debian), Is.True);
    }

    [Test]
    public void Stanza_without_version_is_a_clear_error()
    {
        var error = Assert.Throws<InvalidDataException>(() =>
            DpkgStatusParser.Parse("Package: a\nStatus: install ok installed\nVersion: 1\n\nPackage: b\nStatus: install ok installed\n", "rootfs/var/lib/dpkg/status"));

        Assert.That(error!.Message, Does.Contain("rootfs/var/lib/dpkg/status").And.Contain("line 5").And.Contain("'b'").And.Contain("Version"));
    }

    [Test]
    public async Task Rootfs_and_gzip_layer_give_the_same_packages()
    {
        using var folder = new TempDirectory("image");
        folder.WriteFile("rootfs/var/lib/dpkg/status", Status);
        folder.WriteFile("rootfs/var/lib/dpkg/status.d/tzdata", "Package: tzdata\nVersion: 2024a-0+deb12u1\nArchitecture: all\n");
        var layer = folder.Combine("layer.tar.gz");
        await using (var file = File.Create(layer))
        await using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        await using (var tar = new TarWriter(gzip, TarEntryFormat.Pax))
        {
            await tar.WriteEntryAsync(folder.Combine("rootfs/var/lib/dpkg/status"), "./var/lib/dpkg/status");
            await tar.WriteEntryAsync(folder.Combine("rootfs/var/lib/dpkg/status.d/tzdata"), "var/lib/dpkg/status.d/tzdata");
        }

        var fromRootfs = await ImageOsPackageReader.ReadRootfsAsync(folder.Combine("rootfs"), CancellationToken.None);
        var fromLayer = await ImageOsPackageReader.ReadLayersAsync([layer], CancellationToken.None);

        Assert.That(fromRootfs.Select(c => c.Name), Is.EquivalentTo(new[] { "libc6", "login", "tzdata" }));
        Assert.That(fromLayer, Is.EqualTo(fromRootfs));
    }

    [Test]
    public async Task Upper_layer_status_replaces_the_lower_one()
    {
        using var folder = new TempDirectory("image");
        var lower = await WriteLayer(folder, "lower.tar", Status);
        var upper = await WriteLayer(folder, "upper.tar", "Package: libc6\nStatus: install ok installed\nVersion: 2.36-9+deb12u7\nArchitecture: amd64\n");

        var components = await ImageOsPackageReader.ReadLayersAsync([lower, upper], CancellationToken.None);

        Assert.That(components.Select(c => $"{c.Name} {c.Version}"), Is.EqualTo(new[] { "libc6 2.36-9+deb12u7" }));
    }

    [Test]
    public async Task A_layer_read_once_is_taken_from_the_cache_by_its_digest()
    {
        using var folder = new TempDirectory("image");
        var cache = new LayerPackageCache(folder.Combine("cache"));
        var path = await WriteLayer(folder, "base.tar", Status);
        var layer = new ImageLayer(path, "sha256:" + new string('a', 64));
        var first = await ImageOsPackageReader.ReadLayersAsync([layer], cache, CancellationToken.None);

        // The same digest again: the layer's bytes are not read, so a layer that now holds something else changes nothing.
        await WriteLayer(folder, "base.tar", "Package: other\nStatus: install ok installed\nVersion: 1\nArchitecture: all\n");
        var second = await ImageOsPackageReader.ReadLayersAsync([layer], cache, CancellationToken.None);
        var otherDigest = await ImageOsPackageReader.ReadLayersAsync([layer with { Digest = "sha256:" + new string('b', 64) }], cache, CancellationToken.None);

        Assert.That(first.Select(c => c.Name), Is.EqualTo(new[] { "libc6", "login" }));
        Assert.That(second, Is.EqualTo(first));
        Assert.That(otherDigest.Select(c => c.Name), Is.EqualTo(new[] { "other" }), "another digest is another layer, read from its tar");
        Assert.That(Directory.GetFiles(cache.Directory).Select(Path.GetFileName), Is.EquivalentTo(new[] { $"sha256-{new string('a', 64)}.v2.json", $"sha256-{new string('b', 64)}.v2.json" }));
    }

    [Test]
    public async Task A_damaged_cache_file_is_read_past_and_written_anew()
    {
        using var folder = new TempDirectory("image");
        var cache = new LayerPackageCache(folder.Combine("cache"));
        var layer = new ImageLayer(await WriteLayer(folder, "base.tar", Status), "sha256:" + new string('c', 64));
        await ImageOsPackageReader.ReadLayersAsync([layer], cache, CancellationToken.None);
        var file = Directory.GetFiles(cache.Directory).Single();
        await File.WriteAllTextAsync(file, "[{\"Name\": \"var/lib/dp");

        var components = await ImageOsPackageReader.ReadLayersAsync([layer], cache, CancellationToken.None);

        Assert.That(components.Select(c => c.Name), Is.EqualTo(new[] { "libc6", "login" }));
        Assert.That(await File.ReadAllTextAsync(file), Does.StartWith("[{").And.Contain("libc6"));
    }

    [TestCase("")]
    [TestCase("sha256:../../etc/passwd")]
    [TestCase("sha512:0123")]
    public async Task A_layer_without_a_sha256_digest_is_read_every_time_and_never_cached(string digest)
    {
        using var folder = new TempDirectory("image");
        var cache = new LayerPackageCache(folder.Combine("cache"));
        var layer = new ImageLayer(await WriteLayer(folder, "base.tar", Status), digest);

        var components = await ImageOsPackageReader.ReadLayersAsync([layer], cache, CancellationToken.None);

        Assert.That(components.Select(c => c.Name), Is.EqualTo(new[] { "libc6", "login" }));
        Assert.That(Directory.Exists(cache.Directory), Is.False);
    }

    private static async Task<string> WriteLayer(TempDirectory folder, string name, string status)
    {
        var source = folder.WriteFile($"{name}.status", status);
        var layer = folder.Combine(name);
        await using var file = File.Create(layer);
        await using var tar = new TarWriter(file, TarEntryFormat.Pax);
        await tar.WriteEntryAsync(source, "var/lib/dpkg/status");
        return layer;
    }
}
