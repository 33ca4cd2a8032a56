using Release.Oci.Tests.Support;

namespace Release.Oci.Tests;

public class MountTests : RegistryTestBase
{
    [Test]
    public async Task A_blob_is_mounted_from_another_repository_without_an_upload()
    {
        var source = UniqueRepository("mount/source");
        var target = UniqueRepository("mount/target");
        var digest = await Client.PushBlobAsync(source, "shared layer"u8.ToArray());

        var result = await Client.MountBlobAsync(target, digest, source);

        Assert.That(result, Is.EqualTo(BlobMountResult.Mounted));
        Assert.That(await Client.GetBlobBytesAsync(target, digest), Is.EqualTo("shared layer"u8.ToArray()));
    }

    [Test]
    public async Task When_the_registry_declines_the_mount_the_blob_is_copied_into_the_opened_session()
    {
        await using var front = new TokenAuthFront(Registry.Address, "ci", "s3cret", ignoreMounts: true);
        using var client = new OciRegistryClient(front.Address, new RegistryCredentials("ci", "s3cret"));
        var source = UniqueRepository("mount/source");
        var target = UniqueRepository("mount/target");
        var digest = await client.PushBlobAsync(source, "declined"u8.ToArray());

        var result = await client.MountBlobAsync(target, digest, source);

        Assert.That(result, Is.EqualTo(BlobMountResult.Uploaded));
        Assert.That(front.Forwarded, Has.Some.EqualTo($"GET /v2/{source}/blobs/{digest}"));
        Assert.That(await Client.GetBlobBytesAsync(target, digest), Is.EqualTo("declined"u8.ToArray()));
    }
}
