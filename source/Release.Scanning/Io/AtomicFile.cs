using System.Text;

namespace Release.Scanning.Io;

/// <summary>Writes files so that readers see either the old content or the complete new content, never half.</summary>
public static class AtomicFile
{
    /// <summary>Writes UTF-8 text (no BOM) to a temp file next to <paramref name="path"/>, then moves it over.</summary>
    /// <param name="path">Destination file; its folder is created when missing.</param>
    /// <param name="text">The full content.</param>
    /// <param name="cancellationToken">Stops before the move; the temp file is removed.</param>
    public static async Task WriteAllTextAsync(string path, string text, CancellationToken cancellationToken)
    {
        var fullPath = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(folder);
        // Same folder as the target so the move is a rename on one file system.
        var temp = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllTextAsync(temp, text, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            File.Move(temp, fullPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
