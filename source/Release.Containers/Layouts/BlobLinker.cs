using System.Runtime.InteropServices;
using Release.Foundation.IO;

namespace Release.Containers.Layouts;

/// <summary>
/// Puts a blob of one OCI layout into another: a hard link when both are on the same file system (no bytes copied,
/// no extra space), else a copy. Sharing is safe because blobs are content-addressed and never changed in place:
/// layouts replace files by writing a new one and renaming it.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal static class BlobLinker
{
    /// <summary>
    /// Makes <paramref name="destination"/> hold the bytes of <paramref name="source"/>. Returns true when it is a hard
    /// link, false when the bytes were copied (other file system, or links not allowed there).
    /// </summary>
    public static async Task<bool> LinkOrCopyAsync(string source, string destination, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        if (File.Exists(destination))
            return false;
        if (Link(source, destination) == 0)
            return true;

        // EXDEV (another file system), EPERM (file system without hard links) and the like: copy instead. Through a
        // temp file, so a cancelled copy never leaves a short blob under the digest's name.
        var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        await using (input.ConfigureAwait(false))
            await AtomicFile.WriteAsync(destination, input.CopyToAsync, cancellationToken).ConfigureAwait(false);
        return false;
    }

    // .NET has no API for hard links; link(2) from libc is all it takes.
    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int Link([MarshalAs(UnmanagedType.LPUTF8Str)] string oldPath, [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath);
}
