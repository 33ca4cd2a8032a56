using Release.Foundation.Oci;
using Release.Oci.Tests.Support;

namespace Release.Oci.Tests;

public class UploadTests : RegistryTestBase
{
    [Test]
    public async Task A_chunked_upload_sends_one_patch_per_chunk_and_stores_the_exact_bytes()
    {
        await using var front = new TokenAuthFront(Registry.Address, "ci", "s3cret");
        using var client = new OciRegistryClient(front.Address, new RegistryCredentials("ci", "s3cret"),
            new OciRegistryClientOptions { ChunkSize = 1000 });
        var repository = UniqueRepository("uploads/chunked");
        var content = RandomBytes(4500);

        var digest = await client.PushBlobAsync(repository, content, BlobUploadMode.Chunked);

        Assert.That(front.Forwarded.Count(r => r.StartsWith("PATCH", StringComparison.Ordinal)), Is.EqualTo(5));
        Assert.That(await Client.GetBlobBytesAsync(repository, digest), Is.EqualTo(content));
    }

    [Test]
    public async Task A_monolithic_upload_sends_no_patch_and_stores_the_exact_bytes()
    {
        await using var front = new TokenAuthFront(Registry.Address, "ci", "s3cret");
        using var client = new OciRegistryClient(front.Address, new RegistryCredentials("ci", "s3cret"));
        var repository = UniqueRepository("uploads/monolithic");
        var content = RandomBytes(4500);

        var digest = await client.PushBlobAsync(repository, content, BlobUploadMode.Monolithic);

        Assert.That(front.Forwarded.Count(r => r.StartsWith("PATCH", StringComparison.Ordinal)), Is.Zero);
        Assert.That(front.Forwarded.Count(r => r.StartsWith("PUT", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(await Client.GetBlobBytesAsync(repository, digest), Is.EqualTo(content));
    }

    [Test]
    public async Task Auto_mode_chunks_only_above_the_threshold()
    {
        var lines = new List<string>();
        using var client = new OciRegistryClient(Registry.Address, options: new OciRegistryClientOptions
        {
            ChunkedUploadThreshold = 2000, ChunkSize = 700,
        }, log: lines.Add);
        var repository = UniqueRepository("uploads/auto");

        var small = await client.PushBlobAsync(repository, RandomBytes(1999));
        var large = await client.PushBlobAsync(repository, RandomBytes(2001));

        Assert.That(lines.Single(l => l.Contains(small.ToString(), StringComparison.Ordinal)), Does.Contain("monolithic"));
        Assert.That(lines.Single(l => l.Contains(large.ToString(), StringComparison.Ordinal)), Does.Contain("chunked"));
        Assert.That(await client.BlobExistsAsync(repository, large), Is.True);
    }

    [Test]
    public async Task A_file_upload_with_a_wrong_digest_is_rejected_by_the_registry_with_a_clear_error()
    {
        var repository = UniqueRepository("uploads/wrong");
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(path, RandomBytes(100));
            var wrong = OciDigest.Compute("something else"u8);

            var error = Assert.ThrowsAsync<OciRegistryException>(() => Client.PushBlobFileAsync(repository, wrong, path));

            Assert.That(error!.ErrorCode, Is.EqualTo("DIGEST_INVALID"));
            Assert.That(error.Message, Does.Contain(wrong.ToString()).And.Contain(repository));
            Assert.That(await Client.BlobExistsAsync(repository, wrong), Is.False);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public async Task An_empty_blob_uploads_both_ways()
    {
        var repository = UniqueRepository("uploads/empty");
        var monolithic = await Client.PushBlobAsync(repository, [], BlobUploadMode.Monolithic);
        var chunked = await Client.PushBlobAsync(UniqueRepository("uploads/empty"), [], BlobUploadMode.Chunked);

        Assert.That(monolithic, Is.EqualTo(OciDigest.Compute([])));
        Assert.That(chunked, Is.EqualTo(monolithic));
        Assert.That(await Client.GetBlobBytesAsync(repository, monolithic), Is.Empty);
    }

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }
}
