using System.Formats.Tar;
using System.Text.Json;
using Release.Containers.BaseImages;
using Release.Containers.Tests.Support;
using Release.Oci;
using Release.Testing;
using Release.Tooling.Processes;

namespace Release.Containers.Tests.BaseImages;

public class HostBaseImageAssemblerTests
{
    private static readonly HashSet<string> TextFiles = ["etc/passwd", "etc/group", "var/lib/dpkg/status"];

    private static async Task<(ManifestContent Manifest, JsonElement Config, IReadOnlyList<LayerReader.Entry> Entries)> ReadImageAsync(string layoutDirectory)
    {
        var layout = await OciImageLayout.OpenAsync(layoutDirectory);
        var manifest = await layout.ReadManifestAsync(layout.FindManifest("10.0"));
        var config = JsonDocument.Parse(await layout.ReadBlobAsync(manifest.Document.Config!.ParsedDigest)).RootElement;
        var layer = manifest.Document.Layers!.Single();
        Assert.That(layer.MediaType, Is.EqualTo(OciMediaTypes.ImageLayerGzip));
        var entries = await LayerReader.ReadAsync(layout.BlobPath(layer.ParsedDigest), TextFiles);
        return (manifest, config, entries);
    }

    [Test]
    public async Task Layer_holds_the_runtime_its_libraries_and_an_app_user()
    {
        var image = await ContainerTestSetUp.BaseImage.GetAsync(CancellationToken.None);
        var (_, _, entries) = await ReadImageAsync(image.LayoutDirectory);
        var names = entries.Select(e => e.Name.TrimEnd('/')).ToHashSet();

        Assert.That(names, Does.Contain("usr/share/dotnet/dotnet"));
        Assert.That(names, Does.Contain($"usr/share/dotnet/host/fxr/{image.Dotnet.HostFxrVersion}/libhostfxr.so"));
        Assert.That(names, Does.Contain($"usr/share/dotnet/shared/Microsoft.NETCore.App/{image.Dotnet.RuntimeVersion}/System.Private.CoreLib.dll"));
        Assert.That(names, Does.Contain($"usr/share/dotnet/shared/Microsoft.AspNetCore.App/{image.Dotnet.AspNetCoreVersion}/Microsoft.AspNetCore.dll"));
        Assert.That(names, Does.Not.Contain($"usr/share/dotnet/shared/Microsoft.NETCore.App/{image.Dotnet.RuntimeVersion}/libcoreclrtraceptprovider.so"));
        Assert.That(entries.Single(e => e.Name == "usr/bin/dotnet").LinkName, Is.EqualTo("../share/dotnet/dotnet"));

        // The loader, C/C++ runtimes and OpenSSL (opened with dlopen, invisible to ldd) are in the image under their host paths.
        foreach (var library in new[] { "libc.so.6", "libstdc++.so.6", "libgcc_s.so.1", "libssl.so.3", "libcrypto.so.3" })
            Assert.That(names.Any(n => n.EndsWith("/" + library)), Is.True, $"{library} is missing from the layer");
        Assert.That(image.Libraries.Any(l => l.EndsWith("ld-linux-x86-64.so.2")), Is.True);
        // Merged-/usr links are reproduced so '/lib64/ld-linux-x86-64.so.2' (baked into every binary) resolves.
        if (new FileInfo("/lib64").LinkTarget is { } lib64Link)
            Assert.That(entries.Single(e => e.Name == "lib64").LinkName, Is.EqualTo(lib64Link));

        Assert.That(entries.Single(e => e.Name == "etc/passwd").Text, Does.Contain("app:x:1654:1654:app:/home/app:"));
        Assert.That(entries.Single(e => e.Name == "tmp/").Mode, Is.EqualTo((UnixFileMode)0b1_111_111_111));
        Assert.That(entries.Single(e => e.Name == "home/app/").Uid, Is.EqualTo(1654));
        Assert.That(names, Does.Contain("etc/ssl/certs/ca-certificates.crt"));
    }

    [Test]
    public async Task Dpkg_status_lists_the_debian_packages_the_files_came_from()
    {
        var image = await ContainerTestSetUp.BaseImage.GetAsync(CancellationToken.None);
        var (_, _, entries) = await ReadImageAsync(image.LayoutDirectory);
        var status = entries.Single(e => e.Name == "var/lib/dpkg/status").Text!;

        var packageNames = image.Packages.Select(p => p.Name.Split(':')[0]).ToList();
        Assert.That(packageNames, Is.SupersetOf(new[] { "libc6", "libstdc++6", "libgcc-s1", "libssl3", "ca-certificates", "base-files" }));
        Assert.That(packageNames, Is.Ordered);
        foreach (var package in image.Packages)
        {
            Assert.That(status, Does.Contain($"Package: {package.Name.Split(':')[0]}\n"));
            Assert.That(status, Does.Contain($"Version: {package.Version}\n"));
        }
        Assert.That(status, Does.Contain("Status: install ok installed"));
    }

    [Test]
    public async Task Config_sets_the_environment_workdir_and_oci_labels()
    {
        var image = await ContainerTestSetUp.BaseImage.GetAsync(CancellationToken.None);
        var (manifest, config, _) = await ReadImageAsync(image.LayoutDirectory);

        Assert.That(manifest.Digest.ToString(), Is.EqualTo(image.ManifestDigest));
        var env = config.GetProperty("config").GetProperty("Env").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.That(env, Does.Contain("DOTNET_ROOT=/usr/share/dotnet"));
        Assert.That(env, Does.Contain("ASPNETCORE_HTTP_PORTS=8080"));
        Assert.That(env, Does.Contain("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=true"));
        Assert.That(env.Single(e => e!.StartsWith("PATH=")), Does.Contain("/usr/bin"));
        Assert.That(config.GetProperty("config").GetProperty("WorkingDir").GetString(), Is.EqualTo("/app"));
        var labels = config.GetProperty("config").GetProperty("Labels");
        Assert.That(labels.GetProperty("net.dot.aspnetcore.version").GetString(), Is.EqualTo(image.Dotnet.AspNetCoreVersion));
        Assert.That(labels.TryGetProperty("org.opencontainers.image.title", out _), Is.False, "app images inherit labels: the base's title must not leak into them");
        var annotations = manifest.Document.Annotations!;
        Assert.That(annotations["org.opencontainers.image.title"], Is.EqualTo("base/aspnet"));
        Assert.That(annotations["org.opencontainers.image.version"], Is.EqualTo(image.Dotnet.AspNetCoreVersion));
        Assert.That(annotations["org.opencontainers.image.created"], Is.EqualTo("2000-01-01T00:00:00Z"));
        Assert.That(config.GetProperty("created").GetString(), Is.EqualTo("2000-01-01T00:00:00Z"));
        Assert.That(config.GetProperty("rootfs").GetProperty("diff_ids").GetArrayLength(), Is.EqualTo(1));
    }

    [Test]
    public async Task Assembling_twice_gives_the_same_digest_and_fixed_timestamps()
    {
        var first = await ContainerTestSetUp.BaseImage.GetAsync(CancellationToken.None);
        using var directory = new TempDirectory("release-base-again");
        var second = await new HostBaseImageAssembler(new ProcessRunner(), TestLog.Write)
            .AssembleAsync(new HostBaseImageOptions(directory.Combine("layout")));

        Assert.That(second.ManifestDigest, Is.EqualTo(first.ManifestDigest));
        var (_, _, entries) = await ReadImageAsync(second.LayoutDirectory);
        Assert.That(entries.Select(e => e.Modified).Distinct(), Is.EqualTo(new[] { new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero) }));
        Assert.That(entries.Select(e => e.Name), Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
        Assert.That(Directory.GetDirectories(directory.Path), Is.EqualTo(new[] { directory.Combine("layout") }), "no staging folder is left behind");
    }

    [Test]
    public void A_dotnet_root_without_aspnetcore_is_rejected_with_the_fix()
    {
        using var directory = new TempDirectory("release-fake-dotnet");
        directory.WriteFile("dotnet", "");
        Directory.CreateDirectory(directory.Combine("host", "fxr", "10.0.1"));
        Directory.CreateDirectory(directory.Combine("shared", "Microsoft.NETCore.App", "10.0.1"));

        var error = Assert.ThrowsAsync<InvalidOperationException>(() => new HostBaseImageAssembler(new ProcessRunner(), TestLog.Write)
            .AssembleAsync(new HostBaseImageOptions(directory.Combine("layout")) { DotnetRoot = directory.Path }));
        Assert.That(error!.Message, Does.Contain("no shared/Microsoft.AspNetCore.App/10.*"));
        Assert.That(error.Message, Does.Contain(directory.Path));
        Assert.That(Directory.Exists(directory.Combine("layout")), Is.False);
    }
}
