using Release.Foundation.Oci;
using Release.Oci.Tests.Support;
using Release.Testing.Registry;

namespace Release.Oci.Tests;

public class ImmutableTagTests : RegistryTestBase
{
    [Test]
    public async Task A_new_tag_is_created_and_pushing_the_same_digest_again_is_a_no_op()
    {
        var repository = UniqueRepository("release/immutable");
        var image = SampleImage.Create("same.txt");
        await image.PushAsync(Client, repository, "build-1");

        var first = await Client.PushTagImmutableAsync(repository, "1.0.0", image.Manifest);
        var again = await Client.PushTagImmutableAsync(repository, "1.0.0", image.Manifest);

        Assert.That(first, Is.EqualTo(new TagPushResult(image.Manifest.Digest, Created: true)));
        Assert.That(again, Is.EqualTo(new TagPushResult(image.Manifest.Digest, Created: false)));
    }

    [Test]
    public async Task Moving_an_existing_tag_to_other_content_is_refused_naming_both_digests()
    {
        var repository = UniqueRepository("release/immutable");
        var released = SampleImage.Create("v1.txt");
        var rebuilt = SampleImage.Create("v1.txt", "rebuilt with different bytes\n");
        await released.PushAsync(Client, repository, "1.0.0");
        await rebuilt.PushAsync(Client, repository, "build-2");

        var error = Assert.ThrowsAsync<ImmutableTagException>(
            () => Client.PushTagImmutableAsync(repository, "1.0.0", rebuilt.Manifest));

        Assert.That(error!.Message, Does.Contain(repository).And.Contain("1.0.0")
            .And.Contain(released.Manifest.Digest.ToString()).And.Contain(rebuilt.Manifest.Digest.ToString()));
        Assert.That(await Client.ResolveDigestAsync(repository, "1.0.0"), Is.EqualTo(released.Manifest.Digest),
            "the tag must still point at the released content");
    }

    [Test]
    public async Task An_immutable_layout_push_is_refused_before_any_blob_is_uploaded()
    {
        var repository = UniqueRepository("release/layout");
        await SampleImage.Create("old.txt").PushAsync(Client, repository, "2.0.0");
        var layoutDirectory = Directory.CreateTempSubdirectory("release-layout-").FullName;
        try
        {
            var newer = SampleImage.Create("new.txt");
            await newer.WriteLayoutAsync(layoutDirectory, "2.0.0");

            Assert.ThrowsAsync<ImmutableTagException>(
                () => Client.PushLayoutAsync(layoutDirectory, repository, "2.0.0", immutableTag: true));

            Assert.That(await Client.BlobExistsAsync(repository, OciDigest.Compute(newer.Layer)), Is.False);
        }
        finally
        {
            Directory.Delete(layoutDirectory, recursive: true);
        }
    }
}
