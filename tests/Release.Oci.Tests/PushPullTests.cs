using Release.Foundation.Oci;
using Release.Oci.Tests.Support;
using Release.Testing.Registry;

namespace Release.Oci.Tests;

public class PushPullTests : RegistryTestBase
{
    [Test]
    public async Task A_hand_built_image_is_pushed_and_pulled_back_with_matching_digests()
    {
        var repository = UniqueRepository("apps/hello");
        var image = SampleImage.Create();

        var pushed = await image.PushAsync(Client, repository, "1.0.0");

        Assert.That(pushed, Is.EqualTo(image.Manifest.Digest));
        var manifest = await Client.GetManifestAsync(repository, "1.0.0");
        Assert.That(manifest.Bytes, Is.EqualTo(image.Manifest.Bytes));
        Assert.That(manifest.MediaType, Is.EqualTo(OciMediaTypes.ImageManifest));
        var layer = manifest.Document.Layers![0];
        Assert.That(await Client.GetBlobBytesAsync(repository, layer.ParsedDigest), Is.EqualTo(image.Layer));
        Assert.That(await Client.GetBlobBytesAsync(repository, manifest.Document.Config!.ParsedDigest), Is.EqualTo(image.Config));
        Assert.That(await Client.ResolveDigestAsync(repository, "1.0.0"), Is.EqualTo(pushed));
        Assert.That((await Client.GetManifestAsync(repository, pushed.ToString())).Digest, Is.EqualTo(pushed));
    }

    [Test]
    public async Task Blob_existence_is_reported_per_repository()
    {
        var repository = UniqueRepository("blobs/exists");
        var content = "exists"u8.ToArray();
        var digest = OciDigest.Compute(content);

        Assert.That(await Client.BlobExistsAsync(repository, digest), Is.False);
        await Client.PushBlobAsync(repository, content);
        Assert.That(await Client.BlobExistsAsync(repository, digest), Is.True);
        Assert.That(await Client.BlobExistsAsync(UniqueRepository("blobs/other"), digest), Is.False);
    }

    [Test]
    public async Task Tags_are_listed_and_an_unknown_repository_has_none()
    {
        var repository = UniqueRepository("apps/tags");
        var image = SampleImage.Create();
        foreach (var tag in new[] { "1.0.0", "1.0.1", "latest" })
        {
            await image.PushAsync(Client, repository, tag);
        }

        Assert.That(await Client.ListTagsAsync(repository), Is.EquivalentTo(new[] { "1.0.0", "1.0.1", "latest" }));
        Assert.That(await Client.ListTagsAsync(UniqueRepository("apps/never-pushed")), Is.Empty);
    }

    [Test]
    public async Task Tag_listing_follows_the_registry_pages()
    {
        var repository = UniqueRepository("apps/pages");
        var image = SampleImage.Create();
        var tags = Enumerable.Range(1, 5).Select(i => $"1.0.{i}").ToArray();
        foreach (var tag in tags)
        {
            await image.PushAsync(Client, repository, tag);
        }

        using var paging = new OciRegistryClient(Registry.Address, options: new OciRegistryClientOptions { TagPageSize = 2 });

        Assert.That(await paging.ListTagsAsync(repository), Is.EquivalentTo(tags));
    }

    [Test]
    public async Task A_deleted_manifest_no_longer_resolves()
    {
        var repository = UniqueRepository("apps/delete");
        var digest = await SampleImage.Create("gone.txt").PushAsync(Client, repository, "0.1.0");

        Assert.That(await Client.DeleteManifestAsync(repository, digest), Is.True);

        Assert.That(await Client.ResolveDigestAsync(repository, "0.1.0"), Is.Null);
        Assert.That(await Client.DeleteManifestAsync(repository, digest), Is.False);
    }

    [Test]
    public async Task A_missing_manifest_fails_with_the_registry_error_code_and_the_repository()
    {
        var repository = UniqueRepository("apps/missing");
        await SampleImage.Create().PushAsync(Client, repository, "1.0.0");

        var error = Assert.ThrowsAsync<OciRegistryException>(() => Client.GetManifestAsync(repository, "9.9.9"));

        Assert.That(error!.ErrorCode, Is.EqualTo("MANIFEST_UNKNOWN"));
        Assert.That(error.Message, Does.Contain(repository).And.Contain("9.9.9").And.Contain(Registry.Address));
    }

    [Test]
    public async Task An_oci_manifest_is_found_only_because_the_oci_accept_header_is_sent()
    {
        // distribution 2.8 answers 404 for an OCI manifest when the OCI type is not accepted; the client must send it.
        var repository = UniqueRepository("apps/accept");
        await SampleImage.Create().PushAsync(Client, repository, "1.0.0");
        using var http = new HttpClient();
        using var plain = await http.GetAsync($"http://{Registry.Address}/v2/{repository}/manifests/1.0.0");

        Assert.That((int)plain.StatusCode, Is.EqualTo(404), "precondition: the registry hides OCI manifests from plain requests");
        Assert.That((await Client.GetManifestAsync(repository, "1.0.0")).MediaType, Is.EqualTo(OciMediaTypes.ImageManifest));
    }

    [Test]
    public async Task A_docker_v2_manifest_round_trips_with_its_media_type()
    {
        var repository = UniqueRepository("apps/docker");
        var image = SampleImage.Create("docker.txt");
        await Client.PushBlobAsync(repository, image.Layer);
        await Client.PushBlobAsync(repository, image.Config);
        var document = image.Manifest.Document with
        {
            MediaType = OciMediaTypes.DockerManifest,
            Config = image.Manifest.Document.Config! with { MediaType = OciMediaTypes.DockerConfig },
            Layers = [image.Manifest.Document.Layers![0] with { MediaType = OciMediaTypes.DockerLayerGzip }],
        };
        var manifest = new ManifestContent(document.ToJsonBytes());

        var digest = await Client.PutManifestAsync(repository, "docker", manifest);
        var back = await Client.GetManifestAsync(repository, "docker");

        Assert.That(back.MediaType, Is.EqualTo(OciMediaTypes.DockerManifest));
        Assert.That(back.Digest, Is.EqualTo(digest));
        Assert.That(back.Bytes, Is.EqualTo(manifest.Bytes));
    }

    [Test]
    public async Task An_oci_index_round_trips_and_pulls_its_children()
    {
        var repository = UniqueRepository("apps/index");
        var child = await SampleImage.Create("amd64.txt").PushAsync(Client, repository, "amd64");
        var childManifest = await Client.GetManifestAsync(repository, "amd64");
        var index = new ManifestDocument
        {
            MediaType = OciMediaTypes.ImageIndex,
            Manifests = [childManifest.ToDescriptor() with { Platform = new OciPlatform("amd64", "linux") }],
        };
        var indexDigest = await Client.PutManifestAsync(repository, "multi", new ManifestContent(index.ToJsonBytes()));

        var back = await Client.GetManifestAsync(repository, "multi");

        Assert.That(back.IsIndex, Is.True);
        Assert.That(back.Digest, Is.EqualTo(indexDigest));
        Assert.That(back.Document.Manifests![0].Digest, Is.EqualTo(child.ToString()));
    }
}
