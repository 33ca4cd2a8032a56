using System.Collections.Concurrent;
using Release.Containers.BaseImages;
using Release.Containers.Builders;
using Release.Containers.Layouts;
using Release.Containers.Tests.Support;
using Release.Oci;
using Release.Testing;
using Release.Testing.Registry;
using Release.Tooling.Processes;

namespace Release.Containers.Tests.BaseImages;

/// <summary>
/// ResolveBaseImageAsync against a real registry: the embedded base reused while its inputs are unchanged (seen in
/// the log and in the layout files' inodes and times, never in timings), and a mirror pulled for this platform only.
/// </summary>
[NonParallelizable]
public class BaseImageResolverTests
{
    private RegistryFixture _registry = null!;
    private TempDirectory _work = null!;
    private ConcurrentQueue<string> _log = null!;

    [OneTimeSetUp]
    public async Task StartRegistryAsync() => _registry = await RegistryFixture.StartAsync();

    [OneTimeTearDown]
    public async Task StopRegistryAsync() => await _registry.DisposeAsync();

    [SetUp]
    public void CreateWorkDirectory()
    {
        _work = new TempDirectory("release-base-resolver");
        _log = new ConcurrentQueue<string>();
    }

    [TearDown]
    public void DeleteWorkDirectory() => _work.Dispose();

    private BaseImageResolver Resolver() => new(
        new HostBaseImageAssembler(new ProcessRunner(), Log),
        address => new OciRegistryClient(address, log: TestLog.Write, options: new OciRegistryClientOptions { MaxAttempts = 1 }),
        Log);

    private void Log(string line)
    {
        _log.Enqueue(line);
        TestLog.Write(line);
    }

    private List<string> TakeLog()
    {
        var lines = new List<string>();
        while (_log.TryDequeue(out var line))
            lines.Add(line);
        return lines;
    }

    /// <summary>Path, inode and modification time (ns) of every file under <paramref name="directory"/>.</summary>
    private static async Task<IReadOnlyList<string>> FileIdentitiesAsync(string directory)
    {
        var files = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var result = await new ProcessRunner().RunAsync(new ProcessSpec("stat", ["-c", "%n %i %.9Y", .. files]));
        return result.Output;
    }

    private BaseImageRequest Request() => new(_registry.Address, _work.Path);

    [Test]
    public async Task The_embedded_base_is_reused_while_its_inputs_are_unchanged()
    {
        var first = await Resolver().ResolveBaseImageAsync(Request());
        Assert.That(TakeLog(), Has.Some.StartsWith("Assembling base/aspnet:10.0"));
        Assert.That(first, Is.EqualTo(new ResolvedBaseImage($"{_registry.Address}/base/aspnet:10.0", _work.Combine("embedded-base-image"), "10.0", first.ManifestDigest)
        {
            Name = "base/aspnet:10.0", // no registry port: an app image's label names its base the same on every machine
        }));
        var files = await FileIdentitiesAsync(first.LayoutDirectory);

        var second = await Resolver().ResolveBaseImageAsync(Request());
        var log = TakeLog();
        Assert.That(log, Has.Some.Match(@"^Reusing embedded base image base/aspnet:10\.0 at .* \(inputs unchanged\)$"));
        Assert.That(log, Has.None.StartsWith("Assembling"));
        Assert.That(second, Is.EqualTo(first));
        Assert.That(await FileIdentitiesAsync(second.LayoutDirectory), Is.EqualTo(files), "the layout was left untouched: same inodes, same times");
        using var client = _registry.CreateClient();
        Assert.That((await client.ResolveDigestAsync("base/aspnet", "10.0")).ToString(), Is.EqualTo(second.ManifestDigest), "still pushed");

        // What reuse returns is what a fresh assembly on this host returns.
        var reused = await new HostBaseImageAssembler(new ProcessRunner(), Log)
            .AssembleOrReuseAsync(new HostBaseImageOptions(first.LayoutDirectory));
        var fresh = await ContainerTestSetUp.BaseImage.GetAsync(CancellationToken.None);
        Assert.That(reused.ManifestDigest, Is.EqualTo(fresh.ManifestDigest));
        Assert.That(reused.Tag, Is.EqualTo(fresh.Tag));
        Assert.That(reused.Dotnet, Is.EqualTo(fresh.Dotnet));
        Assert.That(reused.Packages, Is.EqualTo(fresh.Packages));
        Assert.That(reused.Libraries, Is.EqualTo(fresh.Libraries));
        Assert.That(reused.LayoutDirectory, Is.EqualTo(first.LayoutDirectory));
    }

    [Test]
    public async Task A_changed_option_assembles_the_base_again_and_is_then_reused()
    {
        var first = await Resolver().ResolveBaseImageAsync(Request());
        TakeLog();

        var changed = Request() with { EmbeddedOptions = new HostBaseImageOptions("") { HttpPort = 8081 } };
        var second = await Resolver().ResolveBaseImageAsync(changed);
        var log = TakeLog();
        Assert.That(log, Has.Some.Contains("The inputs of the embedded base image changed"));
        Assert.That(log, Has.Some.StartsWith("Assembling base/aspnet:10.0"));
        Assert.That(second.ManifestDigest, Is.Not.EqualTo(first.ManifestDigest));

        var third = await Resolver().ResolveBaseImageAsync(changed);
        Assert.That(TakeLog(), Has.Some.StartsWith("Reusing embedded base image"));
        Assert.That(third, Is.EqualTo(second));
    }

    [Test]
    public async Task A_damaged_layout_is_assembled_again_to_the_same_digest()
    {
        var first = await Resolver().ResolveBaseImageAsync(Request());
        var layout = await OciImageLayout.OpenAsync(first.LayoutDirectory);
        var manifest = await layout.ReadManifestAsync(layout.FindManifest(first.LayoutTag));
        File.Delete(layout.BlobPath(manifest.Document.Layers![0].ParsedDigest));
        TakeLog();

        var second = await Resolver().ResolveBaseImageAsync(Request());
        var log = TakeLog();
        Assert.That(log, Has.None.StartsWith("Reusing"));
        Assert.That(log, Has.Some.StartsWith("Assembling base/aspnet:10.0"));
        Assert.That(second, Is.EqualTo(first));
        Assert.That(File.Exists(layout.BlobPath(manifest.Document.Layers![0].ParsedDigest)), Is.True);
    }

    [Test]
    public async Task A_mirror_is_pulled_for_this_platform_only_into_a_cache_that_later_runs_reuse()
    {
        var other = HostPlatform.Architecture == "amd64" ? "arm64" : "amd64";
        var (index, images) = await SyntheticBaseImage.WriteIndexAsync(_work.Combine("mirror-source"), "10.0", other, HostPlatform.Architecture);
        using var client = _registry.CreateClient();
        await client.PushLayoutAsync(_work.Combine("mirror-source"), "mirror/dotnet/aspnet", "10.0");
        var mirror = $"{_registry.Address}/mirror/dotnet/aspnet:10.0";

        var first = await Resolver().ResolveBaseImageAsync(Request() with { MirrorImage = mirror });
        var host = images[HostPlatform.Architecture];
        var expectedDirectory = _work.Combine("mirror", $"localhost_{_registry.Server.Port}_mirror_dotnet_aspnet_10.0");
        Assert.That(first, Is.EqualTo(new ResolvedBaseImage(mirror, expectedDirectory, "10.0", host.Digest.ToString())));
        Assert.That(TakeLog(), Has.Some.EndsWith("(2 blobs pulled, 0 already there)"));
        var layout = await OciImageLayout.OpenAsync(first.LayoutDirectory);
        Assert.That(layout.Manifests.Select(OciImageLayout.RefName), Is.EqualTo(new[] { "10.0" }));
        Assert.That(layout.HasBlob(images[other].Document.Layers![0].ParsedDigest), Is.False, "the other platform's layer is not pulled");
        Assert.That(layout.HasBlob(images[other].Document.Config!.ParsedDigest), Is.False);
        Assert.That(layout.HasBlob(index.Digest), Is.False, "the index is not kept: the layout names the platform's manifest");
        var files = await FileIdentitiesAsync(Path.Combine(first.LayoutDirectory, "blobs"));

        var second = await Resolver().ResolveBaseImageAsync(Request() with { MirrorImage = mirror });
        Assert.That(second, Is.EqualTo(first));
        Assert.That(TakeLog(), Has.Some.EndsWith("(0 blobs pulled, 2 already there)"));
        Assert.That(await FileIdentitiesAsync(Path.Combine(first.LayoutDirectory, "blobs")), Is.EqualTo(files));

        // The resolved layout is what AppImageBuilder builds on.
        var built = await new AppImageBuilder(TestLog.Write).BuildAsync(new AppImageSettings
        {
            BaseLayoutDirectory = second.LayoutDirectory,
            BaseLayoutTag = second.LayoutTag,
            BaseImageName = second.Reference,
            PublishDirectory = FakePublishFolder.Write(_work.Combine("publish"), DateTime.UtcNow),
            EntryAssembly = FakePublishFolder.EntryAssembly,
            Timestamp = new DateTimeOffset(2026, 11, 20, 8, 30, 0, TimeSpan.Zero),
            DestinationLayoutDirectory = _work.Combine("app-image"),
            Tag = "1.0.0",
        });
        Assert.That(built.BaseManifestDigest, Is.EqualTo(second.ManifestDigest));
    }

    [Test]
    public async Task A_mirror_without_this_platform_is_refused_naming_what_it_offers()
    {
        await SyntheticBaseImage.WriteIndexAsync(_work.Combine("foreign"), "10.0", "s390x");
        using var client = _registry.CreateClient();
        await client.PushLayoutAsync(_work.Combine("foreign"), "mirror/foreign", "10.0");
        var mirror = $"{_registry.Address}/mirror/foreign:10.0";

        var error = Assert.ThrowsAsync<BaseImageUnavailableException>(() => Resolver().ResolveBaseImageAsync(Request() with { MirrorImage = mirror }));
        Assert.That(error!.Image, Is.EqualTo(mirror));
        Assert.That(error.Message, Does.Contain($"has no linux/{HostPlatform.Architecture} image"));
        Assert.That(error.Message, Does.Contain("it offers: linux/s390x"));
        Assert.That(error.Message, Does.Contain("--base-image"));
    }

    [Test]
    public void A_mirror_the_registry_lacks_fails_the_early_check_and_writes_no_cache()
    {
        var missing = $"{_registry.Address}/mirror/absent:10.0";
        var error = Assert.ThrowsAsync<BaseImageUnavailableException>(() => Resolver().ResolveBaseImageAsync(Request() with { MirrorImage = missing }));
        Assert.That(error!.Message, Does.Contain($"has no manifest '10.0' in repository 'mirror/absent'"));
        Assert.That(Directory.Exists(_work.Combine("mirror")), Is.False);
    }
}
