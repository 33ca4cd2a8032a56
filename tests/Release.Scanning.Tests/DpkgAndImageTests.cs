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
