using System.Formats.Tar;
using System.IO.Compression;

namespace Release.Containers.RootFs;

/// <summary>
/// Writes a <see cref="RootFileSystem"/> as a gzip-compressed tar layer that is byte-for-byte reproducible:
/// entries sorted by path, one fixed timestamp, numeric owners only (no user names), no host metadata.
/// </summary>
public static class DeterministicLayerWriter
{
    /// <summary>Writes the layer to <paramref name="destination"/> and returns its digests.</summary>
    public static async Task<LayerBlob> WriteAsync(
        RootFileSystem rootFs, string destination, DateTimeOffset timestamp, CancellationToken cancellationToken)
    {
        var file = new FileStream(destination, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        await using (file.ConfigureAwait(false))
        {
            var compressed = new HashingStream(file, leaveOpen: true);
            await using (compressed.ConfigureAwait(false))
            {
                string diffId;
                var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true);
                await using (gzip.ConfigureAwait(false))
                {
                    var tarBytes = new HashingStream(gzip, leaveOpen: true);
                    await using (tarBytes.ConfigureAwait(false))
                    {
                        var tar = new TarWriter(tarBytes, TarEntryFormat.Gnu, leaveOpen: true);
                        await using (tar.ConfigureAwait(false))
                        {
                            foreach (var entry in rootFs.Entries)
                            {
                                cancellationToken.ThrowIfCancellationRequested();
                                await WriteEntryAsync(tar, entry, timestamp, cancellationToken).ConfigureAwait(false);
                            }
                        }
                        diffId = tarBytes.FinishDigest();
                    }
                }
                return new LayerBlob(destination, compressed.FinishDigest(), compressed.BytesWritten, diffId);
            }
        }
    }

    private static async Task WriteEntryAsync(TarWriter tar, RootFsEntry entry, DateTimeOffset timestamp, CancellationToken ct)
    {
        var type = entry.Kind switch
        {
            RootFsEntryKind.Directory => TarEntryType.Directory,
            RootFsEntryKind.Symlink => TarEntryType.SymbolicLink,
            _ => TarEntryType.RegularFile,
        };
        var name = entry.Kind == RootFsEntryKind.Directory ? entry.Path + "/" : entry.Path;
        var tarEntry = new GnuTarEntry(type, name)
        {
            Mode = entry.Mode,
            Uid = entry.Uid,
            Gid = entry.Gid,
            ModificationTime = timestamp,
            AccessTime = timestamp,
            ChangeTime = timestamp,
        };
        if (entry.Kind == RootFsEntryKind.Symlink)
            tarEntry.LinkName = entry.LinkTarget!;

        if (entry.Kind != RootFsEntryKind.File)
        {
            await tar.WriteEntryAsync(tarEntry, ct).ConfigureAwait(false);
            return;
        }
        Stream data = entry.Content is { } bytes
            ? new MemoryStream(bytes, writable: false)
            : new FileStream(entry.HostSource!, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        await using (data.ConfigureAwait(false))
        {
            tarEntry.DataStream = data;
            await tar.WriteEntryAsync(tarEntry, ct).ConfigureAwait(false);
        }
    }
}
