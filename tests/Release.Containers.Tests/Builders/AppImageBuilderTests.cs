using System.Formats.Tar;
using System.Text.Json;
using Release.Containers.Builders;
using Release.Containers.Layouts;
using Release.Containers.Tests.Support;
using Release.Foundation.Oci;
using Release.Oci;
using Release.Testing;
using Release.Tooling.Processes;

namespace Release.Containers.Tests.Builders;

/// <summary>AppImageBuilder on a small real base layout and a publish-shaped folder, all real files in a temp folder.</summary>
public class AppImageBuilderTests
{
    private static readonly DateTimeOffset CommitTime = new(2026, 11, 20, 8, 30, 0, TimeSpan.Zero);
    private static readonly DateTime FileTime = new(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
    private TempDirectory _work = null!;
    private string _base = null!;
    private ManifestContent _baseManifest = null!;

    [SetUp]
    public async Task WriteBaseAsync()
    {
        _work = new TempDirectory("release-app-image");
        _base = _work.Combine("base");
        _baseManifest = await SyntheticBaseImage.WriteAsync(_base);
    }

    [TearDown]
    public void CleanUp() => _work.Dispose();

    private AppImageSettings Settings(string publish, string destination) => new()
    {
        BaseLayoutDirectory = _base,
        BaseLayoutTag = SyntheticBaseImage.Tag,
        BaseImageName = "localhost:5000/base/aspnet:10.0",
        PublishDirectory = publish,
        EntryAssembly = FakePublishFolder.EntryAssembly,
        Metadata = new ImageMetadata { Version = "1.2.3", Revision = "0123abc", Source = "https://git.example.com/app", Created = CommitTime },
        Timestamp = CommitTime,
        DestinationLayoutDirectory = destination,
        Tag = "1.2.3_g0123abc",
    };

    private static Task<AppImageResult> BuildAsync(AppImageSettings settings, CancellationToken ct = default) =>
        new AppImageBuilder(TestLog.Write).BuildAsync(settings, ct);

    private static async Task<(ManifestContent Manifest, JsonElement Config)> ReadAsync(string layoutDirectory, string tag)
    {
        var layout = await OciImageLayout.OpenAsync(layoutDirectory);
        var manifest = await layout.ReadManifestAsync(layout.FindManifest(tag));
        var config = JsonDocument.Parse(await layout.ReadBlobAsync(manifest.Document.Config!.ParsedDigest)).RootElement;
        return (manifest, config);
    }

    private static SortedDictionary<string, string> LayoutFiles(string layoutDirectory) => new(
        Directory.EnumerateFiles(layoutDirectory, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(layoutDirectory, f),
            f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))),
        StringComparer.Ordinal);

    [Test]
    public async Task Building_again_from_recreated_files_in_another_process_gives_the_same_bytes()
    {
        var publish = FakePublishFolder.Write(_work.Combine("publish"), FileTime);
        var first = await BuildAsync(Settings(publish, _work.Combine("first")));

        // The same files written anew (new inodes, other times), then built by a different process.
        FakePublishFolder.Write(publish, FileTime.AddDays(3).AddSeconds(17));
        var secondDigest = await ChildProcessEntryPoint.BuildAppImageAsync(Settings(publish, _work.Combine("second")), _work.Path);

        Assert.That(secondDigest, Is.EqualTo(first.ManifestDigest));
        Assert.That(LayoutFiles(_work.Combine("second")), Is.EqualTo(LayoutFiles(_work.Combine("first"))),
            "every file of the two layouts (oci-layout, index.json, every blob) has the same bytes");
    }

    [Test]
    public async Task A_changed_file_changes_the_layer_and_the_digest()
    {
        var publish = FakePublishFolder.Write(_work.Combine("publish"), FileTime);
        var before = await BuildAsync(Settings(publish, _work.Combine("before")));
        FakePublishFolder.Write(publish, FileTime, new Dictionary<string, string> { ["wwwroot/index.html"] = "<h1>hello!</h1>" });
        var after = await BuildAsync(Settings(publish, _work.Combine("after")));

        Assert.That(after.LayerDigest, Is.Not.EqualTo(before.LayerDigest));
        Assert.That(after.ManifestDigest, Is.Not.EqualTo(before.ManifestDigest));
        Assert.That(after.BaseManifestDigest, Is.EqualTo(before.BaseManifestDigest));
    }

    [Test]
    public async Task Config_inherits_the_base_and_sets_entrypoint_user_labels_and_diff_ids()
    {
        var publish = FakePublishFolder.Write(_work.Combine("publish"), FileTime);
        var result = await BuildAsync(Settings(publish, _work.Combine("image")));
        var (manifest, config) = await ReadAsync(result.LayoutDirectory, "1.2.3_g0123abc");
        var baseLayout = await OciImageLayout.OpenAsync(_base);
        var baseConfig = JsonDocument.Parse(await baseLayout.ReadBlobAsync(_baseManifest.Document.Config!.ParsedDigest)).RootElement;

        var run = config.GetProperty("config");
        Assert.That(run.GetProperty("Entrypoint").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "dotnet", "/app/App.dll" }));
        Assert.That(run.TryGetProperty("Cmd", out _), Is.False, "the base's Cmd would become the app's arguments");
        Assert.That(run.GetProperty("WorkingDir").GetString(), Is.EqualTo("/app/"));
        Assert.That(run.GetProperty("User").GetString(), Is.EqualTo("1654"), "the base's APP_UID");
        Assert.That(run.GetProperty("Env").EnumerateArray().Select(e => e.GetString()),
            Is.EqualTo(baseConfig.GetProperty("config").GetProperty("Env").EnumerateArray().Select(e => e.GetString())));
        Assert.That(run.GetProperty("ExposedPorts").TryGetProperty("8080/tcp", out _), Is.True);
        Assert.That(run.GetProperty("StopSignal").GetString(), Is.EqualTo("SIGTERM"), "other base settings are kept");

        var labels = run.GetProperty("Labels");
        Assert.That(labels.GetProperty("net.dot.runtime.version").GetString(), Is.EqualTo("10.0.0"), "inherited from the base");
        Assert.That(labels.GetProperty("org.opencontainers.image.version").GetString(), Is.EqualTo("1.2.3"), "ours win over the base's");
        Assert.That(labels.GetProperty("org.opencontainers.image.revision").GetString(), Is.EqualTo("0123abc"));
        Assert.That(labels.GetProperty("org.opencontainers.image.created").GetString(), Is.EqualTo("2026-11-20T08:30:00Z"));
        Assert.That(labels.GetProperty("org.opencontainers.image.base.name").GetString(), Is.EqualTo("localhost:5000/base/aspnet:10.0"));
        Assert.That(labels.GetProperty("org.opencontainers.image.base.digest").GetString(), Is.EqualTo(_baseManifest.Digest.ToString()));
        Assert.That(labels.EnumerateObject().Select(l => l.Name), Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));

        var baseDiffIds = baseConfig.GetProperty("rootfs").GetProperty("diff_ids").EnumerateArray().Select(d => d.GetString()).ToList();
        var diffIds = config.GetProperty("rootfs").GetProperty("diff_ids").EnumerateArray().Select(d => d.GetString()).ToList();
        Assert.That(diffIds, Has.Count.EqualTo(baseDiffIds.Count + 1));
        Assert.That(diffIds.Take(baseDiffIds.Count), Is.EqualTo(baseDiffIds));
        var layerPath = (await OciImageLayout.OpenAsync(result.LayoutDirectory)).BlobPath(OciDigest.Parse(result.LayerDigest));
        await using (var layerFile = File.OpenRead(layerPath))
        await using (var gunzip = new System.IO.Compression.GZipStream(layerFile, System.IO.Compression.CompressionMode.Decompress))
            Assert.That(diffIds[^1], Is.EqualTo((await OciDigest.ComputeAsync(gunzip, CancellationToken.None)).ToString()), "diff_id is the uncompressed tar's digest");

        Assert.That(config.GetProperty("created").GetString(), Is.EqualTo("2026-11-20T08:30:00Z"));
        Assert.That(config.GetProperty("architecture").GetString(), Is.EqualTo(HostPlatform.Architecture));
        Assert.That(config.GetProperty("os").GetString(), Is.EqualTo("linux"));
        var history = config.GetProperty("history").EnumerateArray().ToList();
        Assert.That(history, Has.Count.EqualTo(2));
        Assert.That(history[1].GetProperty("created").GetString(), Is.EqualTo("2026-11-20T08:30:00Z"));
        Assert.That(history[1].GetProperty("created_by").GetString(), Does.StartWith("Release.Containers AppImageBuilder"));
        Assert.That(config.GetRawText(), Does.Not.Contain(_work.Path), "no host path gets into the image");

        Assert.That(manifest.MediaType, Is.EqualTo(OciMediaTypes.ImageManifest));
        Assert.That(manifest.Digest.ToString(), Is.EqualTo(result.ManifestDigest));
        Assert.That(manifest.Document.Layers!.Select(l => l.Digest), Is.EqualTo(_baseManifest.Document.Layers!.Select(l => l.Digest).Append(result.LayerDigest)));
        Assert.That(manifest.Document.Layers![^1].MediaType, Is.EqualTo(OciMediaTypes.ImageLayerGzip));
        Assert.That(manifest.Document.Layers![^1].Size, Is.EqualTo(result.LayerSize));
        Assert.That(manifest.Document.Annotations!["org.opencontainers.image.base.digest"], Is.EqualTo(_baseManifest.Digest.ToString()));
    }

    [Test]
    public async Task Layer_holds_the_publish_folder_under_app_with_the_commit_time_root_owner_and_normalized_modes()
    {
        var publish = FakePublishFolder.Write(_work.Combine("publish"), FileTime);
        var result = await BuildAsync(Settings(publish, _work.Combine("image")));
        var layout = await OciImageLayout.OpenAsync(result.LayoutDirectory);
        var entries = (await LayerReader.ReadAsync(layout.BlobPath(OciDigest.Parse(result.LayerDigest)), new HashSet<string> { "app/App.dll" }))
            .ToDictionary(e => e.Name);

        var expected = FakePublishFolder.Files.Keys.Select(f => "app/" + f)
            .Concat(["app/", "app/wwwroot/", "app/wwwroot/css/", "app/private/", "app/static"]);
        Assert.That(entries.Keys, Is.EquivalentTo(expected));
        Assert.That(entries.Keys, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
        Assert.That(entries.Values.Select(e => e.Modified).Distinct(), Is.EqualTo(new[] { CommitTime }));
        Assert.That(entries.Values.Select(e => e.Uid).Distinct(), Is.EqualTo(new[] { 0 }));

        const UnixFileMode rwxr_xr_x = (UnixFileMode)0b111_101_101;
        const UnixFileMode rw_r__r__ = (UnixFileMode)0b110_100_100;
        Assert.That(entries["app/run.sh"].Mode, Is.EqualTo(rwxr_xr_x), "0700 on disk: executable, so 0755");
        Assert.That(entries["app/secret.json"].Mode, Is.EqualTo(rw_r__r__), "0600 on disk: 0644");
        Assert.That(entries["app/Library.dll"].Mode, Is.EqualTo(rw_r__r__), "0666 on disk: 0644");
        Assert.That(entries["app/private/"].Mode, Is.EqualTo(rwxr_xr_x), "0700 folder on disk: 0755");
        Assert.That(entries["app/"].Type, Is.EqualTo(TarEntryType.Directory));
        Assert.That(entries["app/static"].Type, Is.EqualTo(TarEntryType.SymbolicLink));
        Assert.That(entries["app/static"].LinkName, Is.EqualTo("wwwroot"));
        Assert.That(entries["app/App.dll"].Text, Is.EqualTo(FakePublishFolder.Files["App.dll"]));
    }

    [Test]
    public async Task Base_layers_are_hard_linked_into_the_new_layout_and_nothing_is_left_staged()
    {
        var publish = FakePublishFolder.Write(_work.Combine("publish"), FileTime);
        var result = await BuildAsync(Settings(publish, _work.Combine("out", "image")));

        var baseLayer = _baseManifest.Document.Layers!.Single().ParsedDigest;
        var source = (await OciImageLayout.OpenAsync(_base)).BlobPath(baseLayer);
        var linked = (await OciImageLayout.OpenAsync(result.LayoutDirectory)).BlobPath(baseLayer);
        var inodes = await new ProcessRunner().RunAsync(new ProcessSpec("stat", ["-c", "%i", source, linked]));
        Assert.That(inodes.Output.Distinct().Count(), Is.EqualTo(1), "same inode: the base layer was linked, not copied");
        Assert.That(Directory.GetFileSystemEntries(_work.Combine("out")), Is.EqualTo(new[] { result.LayoutDirectory }), "no staging folder is left");
        Assert.That(File.Exists(Path.Combine(result.LayoutDirectory, "layer.tar.gz.partial")), Is.False);
    }

    [Test]
    public async Task An_index_base_builds_on_this_machines_platform()
    {
        var other = HostPlatform.Architecture == "amd64" ? "arm64" : "amd64";
        var indexBase = _work.Combine("index-base");
        var (_, images) = await SyntheticBaseImage.WriteIndexAsync(indexBase, "10.0", other, HostPlatform.Architecture);
        var publish = FakePublishFolder.Write(_work.Combine("publish"), FileTime);

        var result = await BuildAsync(Settings(publish, _work.Combine("image")) with { BaseLayoutDirectory = indexBase, BaseLayoutTag = null });
        var (manifest, config) = await ReadAsync(result.LayoutDirectory, "1.2.3_g0123abc");

        var host = images[HostPlatform.Architecture];
        Assert.That(result.BaseManifestDigest, Is.EqualTo(host.Digest.ToString()));
        Assert.That(manifest.Document.Layers![0].Digest, Is.EqualTo(host.Document.Layers![0].Digest));
        Assert.That(config.GetProperty("architecture").GetString(), Is.EqualTo(HostPlatform.Architecture));
        var entry = (await OciImageLayout.OpenAsync(result.LayoutDirectory)).FindManifest("1.2.3_g0123abc");
        Assert.That(entry.Platform, Is.EqualTo(new OciPlatform(HostPlatform.Architecture, "linux")));
    }

    [Test]
    public async Task An_index_base_without_this_machines_platform_is_refused_naming_what_it_offers()
    {
        var indexBase = _work.Combine("foreign-base");
        await SyntheticBaseImage.WriteIndexAsync(indexBase, "10.0", "s390x", "ppc64le");
        var publish = FakePublishFolder.Write(_work.Combine("publish"), FileTime);

        var error = Assert.ThrowsAsync<AppImageInputException>(() =>
            BuildAsync(Settings(publish, _work.Combine("image")) with { BaseLayoutDirectory = indexBase }));
        Assert.That(error!.Message, Does.Contain($"without a linux/{HostPlatform.Architecture} image"));
        Assert.That(error.Message, Does.Contain("linux/s390x, linux/ppc64le"));
        Assert.That(error.Subject, Is.EqualTo("10.0"));
        Assert.That(Directory.Exists(_work.Combine("image")), Is.False);
    }

    [Test]
    public void A_missing_publish_folder_is_named_with_the_fix()
    {
        var missing = _work.Combine("never-published");
        var error = Assert.ThrowsAsync<AppImageInputException>(() => BuildAsync(Settings(missing, _work.Combine("image"))));
        Assert.That(error!.Subject, Is.EqualTo(missing));
        Assert.That(error.Message, Does.Contain($"The publish folder {missing} does not exist"));
        Assert.That(error.Message, Does.Contain("dotnet publish"));
        Assert.That(Directory.Exists(_work.Combine("image")), Is.False);
    }

    [Test]
    public void An_entry_assembly_not_in_the_publish_folder_is_named_with_the_candidates()
    {
        var publish = FakePublishFolder.Write(_work.Combine("publish"), FileTime);
        var error = Assert.ThrowsAsync<AppImageInputException>(() =>
            BuildAsync(Settings(publish, _work.Combine("image")) with { EntryAssembly = "Director" }));
        Assert.That(error!.Subject, Is.EqualTo(Path.Combine(publish, "Director.dll")));
        Assert.That(error.Message, Does.Contain($"The entry assembly Director.dll is not in the publish folder {publish}"));
        Assert.That(error.Message, Does.Contain("Set EntryAssembly"));
        Assert.That(error.Message, Does.Contain(": App.dll)"), "the assembly with a runtimeconfig.json is offered");
    }

    [Test]
    public void A_base_tag_the_layout_lacks_is_named_with_what_it_has()
    {
        var publish = FakePublishFolder.Write(_work.Combine("publish"), FileTime);
        var error = Assert.ThrowsAsync<AppImageInputException>(() =>
            BuildAsync(Settings(publish, _work.Combine("image")) with { BaseLayoutTag = "9.0" }));
        Assert.That(error!.Subject, Is.EqualTo("9.0"));
        Assert.That(error.Message, Does.Contain($"The base image '9.0' in {_base} is not there"));
        Assert.That(error.Message, Does.Contain($"10.0 = {_baseManifest.Digest}"));
        Assert.That(error.Message, Does.Contain("BaseLayoutTag"));
    }

    [Test]
    public void A_missing_base_layout_is_named_with_the_fix()
    {
        var publish = FakePublishFolder.Write(_work.Combine("publish"), FileTime);
        var missing = _work.Combine("no-base");
        var error = Assert.ThrowsAsync<AppImageInputException>(() =>
            BuildAsync(Settings(publish, _work.Combine("image")) with { BaseLayoutDirectory = missing }));
        Assert.That(error!.Subject, Is.EqualTo(missing));
        Assert.That(error.Message, Does.Contain($"The base image layout {missing} does not exist"));
        Assert.That(error.Message, Does.Contain("ResolveBaseImageAsync"));
    }

    [Test]
    public async Task A_base_layout_missing_a_layer_is_refused_before_anything_is_written()
    {
        var publish = FakePublishFolder.Write(_work.Combine("publish"), FileTime);
        var layer = _baseManifest.Document.Layers!.Single().ParsedDigest;
        var layerPath = (await OciImageLayout.OpenAsync(_base)).BlobPath(layer);
        File.Delete(layerPath);

        var error = Assert.ThrowsAsync<AppImageInputException>(() => BuildAsync(Settings(publish, _work.Combine("image"))));
        Assert.That(error!.Subject, Is.EqualTo(_base));
        Assert.That(error.Message, Does.Contain($"The base image layout {_base} is incomplete"));
        Assert.That(error.Message, Does.Contain(layerPath));
        Assert.That(error.Message, Does.Contain("Write it again"));
        Assert.That(Directory.GetDirectories(_work.Path).Select(Path.GetFileName), Is.EquivalentTo(new[] { "base", "publish" }));
    }

    [Test]
    public void A_base_layout_without_index_json_is_refused_naming_the_file()
    {
        var publish = FakePublishFolder.Write(_work.Combine("publish"), FileTime);
        File.Delete(Path.Combine(_base, "index.json"));

        var error = Assert.ThrowsAsync<AppImageInputException>(() => BuildAsync(Settings(publish, _work.Combine("image"))));
        Assert.That(error!.Message, Does.Contain(Path.Combine(_base, "index.json")));
        Assert.That(error.Message, Does.Contain("Write it again"));
    }

    [Test]
    public async Task A_failed_build_leaves_an_existing_destination_as_it_was()
    {
        var publish = FakePublishFolder.Write(_work.Combine("publish"), FileTime);
        var destination = _work.Combine("image");
        await BuildAsync(Settings(publish, destination));
        var before = LayoutFiles(destination);

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        Assert.That(async () => await BuildAsync(Settings(publish, destination) with { Tag = "other" }, cancelled.Token),
            Throws.InstanceOf<OperationCanceledException>());
        Assert.That(LayoutFiles(destination), Is.EqualTo(before));
        Assert.That(Directory.GetDirectories(_work.Path).Select(Path.GetFileName), Is.EquivalentTo(new[] { "base", "publish", "image" }));
    }
}
