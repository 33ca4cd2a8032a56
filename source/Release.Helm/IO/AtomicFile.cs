namespace Release.Helm.IO;

/// <summary>
/// Writes files so a reader never sees a half-written one: the content goes to a temporary file in the same folder,
/// which then replaces the target in one rename. A crash or cancellation leaves the old file intact.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes UTF-8 text (no byte order mark) atomically.</summary>
    public static Task WriteTextAsync(string path, string text, CancellationToken cancellationToken = default)
        => WriteBytesAsync(path, new System.Text.UTF8Encoding(false).GetBytes(text), cancellationToken);

    /// <summary>Writes bytes atomically, creating the folder if needed.</summary>
    public static async Task WriteBytesAsync(string path, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken = default)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, true);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
