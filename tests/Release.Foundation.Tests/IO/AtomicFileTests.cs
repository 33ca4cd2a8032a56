using Release.Foundation.IO;
using Release.Testing;

namespace Release.Foundation.Tests.IO;

public class AtomicFileTests
{
    private const int Size = 1 << 20; // large enough that a non-atomic write would be seen half done

    [Test]
    public async Task Concurrent_writers_to_one_path_never_leave_a_torn_or_temporary_file()
    {
        using var folder = new TempDirectory("atomic-file");
        var path = folder.Combine("state", "record.json");
        var contents = Enumerable.Range(0, 8).Select(i => new string((char)('A' + i), Size)).ToArray();
        using var done = new CancellationTokenSource();

        var reads = 0;
        var reader = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                if (!File.Exists(path)) continue;
                var text = await File.ReadAllTextAsync(path);
                Assert.That(text, Has.Length.EqualTo(Size), "a reader saw a short file");
                Assert.That(text.Distinct().Count(), Is.EqualTo(1), "a reader saw two writers' content mixed");
                reads++;
            }
        });
        var writers = contents.Select((content, i) => Task.Run(async () =>
        {
            for (var round = 0; round < 10; round++)
                if (i % 2 == 0) await AtomicFile.WriteTextAsync(path, content);
                else AtomicFile.WriteText(path, content);
        })).ToArray();

        await Task.WhenAll(writers);
        await done.CancelAsync();
        await reader;

        Assert.That(reads, Is.GreaterThan(0), "the reader never read the file, so it proved nothing");
        Assert.That(contents, Does.Contain(await File.ReadAllTextAsync(path)));
        Assert.That(Directory.GetFiles(folder.Path, "*", SearchOption.AllDirectories), Is.EqualTo(new[] { path }));
    }

    [Test]
    public async Task A_failed_write_leaves_the_old_content_and_no_temporary_file()
    {
        using var folder = new TempDirectory("atomic-file");
        var path = folder.Combine("blob");
        await AtomicFile.WriteTextAsync(path, "old");

        Assert.ThrowsAsync<InvalidDataException>(() => AtomicFile.WriteAsync(path, async (stream, ct) =>
        {
            await stream.WriteAsync("new, half"u8.ToArray(), ct);
            throw new InvalidDataException("digest mismatch");
        }));

        Assert.That(await File.ReadAllTextAsync(path), Is.EqualTo("old"));
        Assert.That(Directory.GetFiles(folder.Path), Is.EqualTo(new[] { path }));
    }

    [Test]
    public async Task A_cancelled_write_leaves_the_old_content_and_no_temporary_file()
    {
        using var folder = new TempDirectory("atomic-file");
        var path = folder.Combine("notes.md");
        await AtomicFile.WriteTextAsync(path, "old");

        Assert.CatchAsync<OperationCanceledException>(() => AtomicFile.WriteTextAsync(path, "new", new CancellationToken(canceled: true)));

        Assert.That(await File.ReadAllTextAsync(path), Is.EqualTo("old"));
        Assert.That(Directory.GetFiles(folder.Path), Is.EqualTo(new[] { path }));
    }

    [Test]
    public async Task Text_is_UTF8_without_a_byte_order_mark_and_the_folder_is_created()
    {
        using var folder = new TempDirectory("atomic-file");
        var path = folder.Combine("a", "b", "c.txt");

        await AtomicFile.WriteTextAsync(path, "é");

        Assert.That(await File.ReadAllBytesAsync(path), Is.EqualTo(new byte[] { 0xC3, 0xA9 }));
    }

    [Test]
    public void Temporary_names_are_unique_hidden_and_recognised()
    {
        using var folder = new TempDirectory("atomic-file");
        var path = folder.Combine("values.yaml");

        var first = AtomicFile.TemporaryPathFor(path);
        var second = AtomicFile.TemporaryPathFor(path);

        Assert.That(first, Is.Not.EqualTo(second));
        Assert.That(Path.GetDirectoryName(first), Is.EqualTo(folder.Path));
        Assert.That(AtomicFile.IsTemporary(first), Is.True);
        Assert.That(AtomicFile.IsTemporary(path), Is.False);
    }
}
