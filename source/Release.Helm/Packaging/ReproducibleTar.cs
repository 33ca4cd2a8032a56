using System.Formats.Tar;

namespace Release.Helm.Packaging;

/// <summary>
/// Writes a ustar archive whose bytes depend only on the entries' names and contents: every entry gets the same
/// modification time, owner 0:0 with empty owner names, and mode 0644. The caller decides the entry order.
/// </summary>
internal static class ReproducibleTar
{
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    public static async Task<byte[]> WriteAsync(
        IEnumerable<(string EntryName, byte[] Content)> entries, DateTimeOffset modificationTime, CancellationToken cancellationToken)
    {
        var wholeSeconds = DateTimeOffset.FromUnixTimeSeconds(modificationTime.ToUnixTimeSeconds());
        using var archive = new MemoryStream();
        var writer = new TarWriter(archive, TarEntryFormat.Ustar, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            foreach (var (name, content) in entries)
            {
                var entry = new UstarTarEntry(TarEntryType.RegularFile, name)
                {
                    ModificationTime = wholeSeconds,
                    Mode = FileMode,
                    Uid = 0,
                    Gid = 0,
                    UserName = "",
                    GroupName = "",
                    DataStream = new MemoryStream(content, writable: false),
                };
                await writer.WriteEntryAsync(entry, cancellationToken).ConfigureAwait(false);
            }
        }

        return archive.ToArray();
    }
}
