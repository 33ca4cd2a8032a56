using Release.Foundation.Oci;
using Release.Oci.Server;
using Release.Oci.Tests.Support;
using Release.Testing.Registry;

namespace Release.Oci.Tests;

public class CopyImageTests : RegistryTestBase
{
    [Test]
    public async Task Copying_by_digest_within_a_registry_mounts_every_blob_and_keeps_the_digest()
    {
        var source = UniqueRepository("staging/app");
        var target = UniqueRepository("release/app");
        var digest = await SampleImage.Create("promote.txt").PushAsync(Client, source, "build-42");

        var result = await Client.CopyImageAsync(source, digest.ToString(), Client, target, "1.4.0");

        Assert.That(result, Is.EqualTo(new ImageCopyResult(digest, BlobsMounted: 2, BlobsUploaded: 0, BlobsSkipped: 0)));
        Assert.That(await Client.ResolveDigestAsync(target, "1.4.0"), Is.EqualTo(digest));
    }

    [Test]
    public async Task Copying_between_two_registries_streams_the_blobs_and_keeps_the_digest()
    {
        await using var other = await RegistryServer.StartAsync();
        using var otherClient = new OciRegistryClient(other.Address);
        var repository = UniqueRepository("apps/copied");
        var image = SampleImage.Create("across.txt");
        var digest = await image.PushAsync(Client, repository, "1.0.0");

        var result = await Client.CopyImageAsync(repository, "1.0.0", otherClient, repository, "1.0.0");
        var again = await Client.CopyImageAsync(repository, "1.0.0", otherClient, repository, "1.0.1");

        Assert.That(result, Is.EqualTo(new ImageCopyResult(digest, 0, 2, 0)));
        Assert.That(again, Is.EqualTo(new ImageCopyResult(digest, 0, 0, 2)), "blobs the target has are not sent twice");
        var copied = await otherClient.GetManifestAsync(repository, "1.0.0");
        Assert.That(copied.Bytes, Is.EqualTo(image.Manifest.Bytes));
        Assert.That(await otherClient.GetBlobBytesAsync(repository, OciDigest.Compute(image.Layer)), Is.EqualTo(image.Layer));
    }

    [Test]
    public async Task Copying_an_index_copies_its_child_manifests_by_digest()
    {
        var source = UniqueRepository("staging/multi");
        var target = UniqueRepository("release/multi");
        await SampleImage.Create("arm.txt").PushAsync(Client, source, "arm64");
        var child = await Client.GetManifestAsync(source, "arm64");
        var index = new ManifestDocument { MediaType = OciMediaTypes.ImageIndex, Manifests = [child.ToDescriptor()] };
        var indexDigest = await Client.PutManifestAsync(source, "multi", new ManifestContent(index.ToJsonBytes()));

        var result = await Client.CopyImageAsync(source, "multi", Client, target, "2.0.0");

        Assert.That(result.Digest, Is.EqualTo(indexDigest));
        Assert.That(await Client.ResolveDigestAsync(target, child.Digest.ToString()), Is.EqualTo(child.Digest));
    }
}
