using System.Formats.Tar;
using System.IO.Compression;
using Release.Foundation.IO;

namespace Release.Oci;

public sealed partial class OciImageLayout
{
    /// <summary>
    /// Unpacks an OCI-layout tar (plain or gzip, e.g. from the .NET SDK's <c>ContainerArchiveOutputPath</c>)
    /// into <paramref name="directory"/> and opens it. Entries that would escape the directory are refused.
    /// </summary>
    public static async Task<OciImageLayout> ExtractTarAsync(
        string tarPath, string directory, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(tarPath))
        {
            throw new FileNotFoundException($"the image archive {tarPath} does not exist.", tarPath);
        }

        var root = Path.GetFullPath(directory);
        Directory.CreateDirectory(root);
        var file = File.OpenRead(tarPath);
        await using var fileDisposal = file.ConfigureAwait(false);
        var gzip = file.ReadByte() == 0x1f && file.ReadByte() == 0x8b;
        file.Position = 0;
        Stream source = gzip ? new GZipStream(file, CompressionMode.Decompress) : file;
        await using var sourceDisposal = source.ConfigureAwait(false);
        var reader = new TarReader(source);
        await using var readerDisposal = reader.ConfigureAwait(false);
        var names = new List<string>();
        while (await reader.GetNextEntryAsync(copyData: false, cancellationToken).ConfigureAwait(false) is { } entry)
        {
            var target = SafeTarget(root, entry.Name, tarPath);
            if (target is null)
            {
                continue;
            }

            names.Add(entry.Name.TrimStart('.', '/'));
            if (entry.EntryType == TarEntryType.Directory)
            {
                Directory.CreateDirectory(target);
            }
            else if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile && entry.DataStream is not null)
            {
                await AtomicFile.WriteAsync(target, entry.DataStream.CopyToAsync, cancellationToken).ConfigureAwait(false);
            }
        }

        if (!names.Contains(LayoutFile) && names.Contains("manifest.json"))
        {
            throw new InvalidDataException(
                $"{tarPath} is a 'docker save' archive (manifest.json, no oci-layout), not an OCI image layout; " +
                "produce an OCI archive (e.g. skopeo copy to oci-archive:) or push the image directly.");
        }

        return await OpenAsync(root, cancellationToken).ConfigureAwait(false);
    }

    private static string? SafeTarget(string root, string name, string tarPath)
    {
        var relative = name.Replace('\\', '/').TrimStart('/');
        if (relative is "" or "." or "./")
        {
            return null;
        }

        var target = Path.GetFullPath(Path.Combine(root, relative));
        if (!target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{tarPath} holds entry '{name}', which points outside the layout directory; refusing it.");
        }

        return target;
    }
}
