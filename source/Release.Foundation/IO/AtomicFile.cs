using System.Text;

namespace Release.Foundation.IO;

/// <summary>
/// Writes files so a reader sees either the old content or the complete new content, never half of it: the content
/// goes to a temporary file in the same folder (so the final step is a rename on one file system), which then replaces
/// the target. Every write has its own temporary name, so two runs writing the same path at once never write into one
/// temporary file; the last rename wins with a whole file. A failure or cancellation leaves the target as it was and
/// removes the temporary file.
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes UTF-8 text (no byte order mark), creating the folder if needed.</summary>
    public static Task WriteTextAsync(string path, string text, CancellationToken cancellationToken = default) =>
        WriteBytesAsync(path, Utf8.GetBytes(text), cancellationToken);

    /// <summary>Writes bytes, creating the folder if needed.</summary>
    public static Task WriteBytesAsync(string path, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken = default) =>
        WriteAsync(path, (stream, ct) => stream.WriteAsync(bytes, ct).AsTask(), cancellationToken);

    /// <summary>
    /// Lets <paramref name="write"/> fill a fresh stream, then moves the finished file over <paramref name="path"/>.
    /// Nothing is moved when <paramref name="write"/> throws (a digest check that fails, a cancelled download).
    /// </summary>
    public static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        var temporary = TemporaryPathFor(path);
        try
        {
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            await using (stream.ConfigureAwait(false))
            {
                await write(stream, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            cancellationToken.ThrowIfCancellationRequested();
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>
    /// Writes UTF-8 text (no byte order mark) synchronously: for start-up paths where an asynchronous write would start
    /// the thread pool and cost more than the write itself.
    /// </summary>
    public static void WriteText(string path, string text) => WriteBytes(path, Utf8.GetBytes(text));

    /// <summary>Writes bytes synchronously (see <see cref="WriteText"/>).</summary>
    public static void WriteBytes(string path, ReadOnlySpan<byte> bytes)
    {
        var temporary = TemporaryPathFor(path);
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                stream.Write(bytes);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>
    /// A temporary path beside <paramref name="path"/> that no other write uses (<c>.NAME.GUID.tmp</c>), its folder
    /// created; for writers that stage several files and move them all at the end. The caller deletes it if it is left.
    /// </summary>
    public static string TemporaryPathFor(string path)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
    }

    /// <summary>Whether <paramref name="fileName"/> is a temporary file of this class (left by a crashed write).</summary>
    public static bool IsTemporary(string fileName) =>
        Path.GetFileName(fileName) is var name && name.StartsWith('.') && name.EndsWith(".tmp", StringComparison.Ordinal);
}
