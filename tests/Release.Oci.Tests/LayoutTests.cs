using System.Formats.Tar;
using System.IO.Compression;
using Release.Foundation.Oci;
using Release.Oci.Tests.Support;
using Release.Testing;
using Release.Testing.Registry;

namespace Release.Oci.Tests;

public class LayoutTests : RegistryTestBase
{
    private TempDirectory temp = null!;

    [SetUp]
    public void CreateTemp() => temp = new TempDirectory("release-oci-layout");

    [TearDown]
    public void DeleteTemp() => temp.Dispose();

    [Test]
    public async Task A_layout_is_pushed_and_pulled_back_into_an_identical_layout()
    {
        var repository = UniqueRepository("layout/app");
        var image = SampleImage.Create("layout.txt");
        await image.WriteLayoutAsync(temp.Combine("out"), "1.0.0");

        var pushed = await Client.PushLayoutAsync(temp.Combine("out"), repository, "1.0.0");
        var pulled = await Client.PullToLayoutAsync(repository, "1.0.0", temp.Combine("back"));

        Assert.That(pushed, Is.EqualTo(image.Manifest.Digest));
        Assert.That(pulled, Is.EqualTo(pushed));
        var back = await OciImageLayout.OpenAsync(temp.Combine("back"));
        Assert.That(back.FindManifest("1.0.0").Digest, Is.EqualTo(pushed.ToString()));
        foreach (var blob in new[] { image.Layer, image.Config, image.Manifest.Bytes })
        {
            Assert.That(await back.ReadBlobAsync(OciDigest.Compute(blob)), Is.EqualTo(blob));
        }
    }

    [Test]
    public async Task Pushing_a_layout_twice_uploads_no_blob_the_second_time()
    {
        var repository = UniqueRepository("layout/twice");
        await SampleImage.Create("twice.txt").WriteLayoutAsync(temp.Path, "1.0.0");
        var lines = new List<string>();
        using var client = new OciRegistryClient(Registry.Address, log: lines.Add);

        await client.PushLayoutAsync(temp.Path, repository, "1.0.0");
        var uploadsAfterFirst = lines.Count(l => l.Contains("uploaded", StringComparison.Ordinal));
        await client.PushLayoutAsync(temp.Path, repository, "1.0.1", layoutTag: "1.0.0");

        Assert.That(uploadsAfterFirst, Is.EqualTo(2));
        Assert.That(lines.Count(l => l.Contains("uploaded", StringComparison.Ordinal)), Is.EqualTo(2));
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task An_oci_layout_tar_is_unpacked_and_pushed(bool gzip)
    {
        var repository = UniqueRepository("layout/tar");
        var image = SampleImage.Create("tar.txt");
        await image.WriteLayoutAsync(temp.Combine("layout"), "1.0.0");
        var tarPath = temp.Combine("image.tar");
        await TarFile.CreateFromDirectoryAsync(temp.Combine("layout"), tarPath, includeBaseDirectory: false);
        if (gzip)
        {
            var bytes = await File.ReadAllBytesAsync(tarPath);
            await using var output = new GZipStream(File.Create(tarPath), CompressionLevel.Fastest);
            await output.WriteAsync(bytes);
        }

        var layout = await OciImageLayout.ExtractTarAsync(tarPath, temp.Combine("unpacked"));
        var digest = await Client.PushLayoutAsync(layout.Root, repository, "1.0.0");

        Assert.That(digest, Is.EqualTo(image.Manifest.Digest));
        Assert.That(await Client.ResolveDigestAsync(repository, "1.0.0"), Is.EqualTo(digest));
    }

    [Test]
    public async Task A_tar_entry_escaping_the_directory_is_refused()
    {
        var tarPath = temp.Combine("evil.tar");
        await using (var writer = new TarWriter(File.Create(tarPath)))
        {
            await writer.WriteEntryAsync(new UstarTarEntry(TarEntryType.RegularFile, "../escaped.txt")
            {
                DataStream = new MemoryStream("x"u8.ToArray()),
            });
        }

        var error = Assert.ThrowsAsync<InvalidDataException>(() => OciImageLayout.ExtractTarAsync(tarPath, temp.Combine("into")));

        Assert.That(error!.Message, Does.Contain("../escaped.txt").And.Contain("outside"));
        Assert.That(File.Exists(temp.Combine("escaped.txt")), Is.False);
    }

    [Test]
    public async Task A_docker_save_archive_is_named_as_such()
    {
        temp.WriteFile("docker/manifest.json", "[]");
        var tarPath = temp.Combine("docker.tar");
        await TarFile.CreateFromDirectoryAsync(temp.Combine("docker"), tarPath, includeBaseDirectory: false);

        var error = Assert.ThrowsAsync<InvalidDataException>(() => OciImageLayout.ExtractTarAsync(tarPath, temp.Combine("into")));

        Assert.That(error!.Message, Does.Contain("docker save").And.Contain(tarPath));
    }

    [Test]
    public void A_directory_without_oci_layout_is_refused_naming_the_missing_file()
    {
        var error = Assert.ThrowsAsync<InvalidDataException>(() => OciImageLayout.OpenAsync(temp.Path));

        Assert.That(error!.Message, Does.Contain("oci-layout").And.Contain(temp.Path));
    }

    [Test]
    public async Task A_corrupt_manifest_blob_is_detected_before_anything_is_pushed()
    {
        var image = SampleImage.Create("corrupt.txt");
        var layout = await image.WriteLayoutAsync(temp.Path, "1.0.0");
        await File.WriteAllTextAsync(layout.BlobPath(image.Manifest.Digest), "{}");
        var repository = UniqueRepository("layout/corrupt");

        var error = Assert.ThrowsAsync<InvalidDataException>(() => Client.PushLayoutAsync(temp.Path, repository, "1.0.0"));

        Assert.That(error!.Message, Does.Contain(image.Manifest.Digest.ToString()).And.Contain("corrupt"));
        Assert.That(await Client.ListTagsAsync(repository), Is.Empty);
    }

    [Test]
    public async Task An_ambiguous_layout_lists_the_manifests_it_offers()
    {
        await SampleImage.Create("a.txt").WriteLayoutAsync(temp.Path, "a");
        await SampleImage.Create("b.txt").WriteLayoutAsync(temp.Path, "b");

        var error = Assert.ThrowsAsync<InvalidOperationException>(
            () => Client.PushLayoutAsync(temp.Path, UniqueRepository("layout/ambiguous"), "1.0.0"));

        Assert.That(error!.Message, Does.Contain("a = sha256:").And.Contain("b = sha256:"));
    }
}
