using System.Formats.Tar;
using System.IO.Compression;
using Release.Scanning.Model;

namespace Release.Scanning.Sbom;

/// <summary>
/// Finds the Debian packages of a container image: in an unpacked root file system, or in image layer tars
/// (plain or gzip-compressed), reading <c>var/lib/dpkg/status</c> and <c>var/lib/dpkg/status.d/*</c>; and, from layers,
/// the .NET runtime packs the image carries outside dpkg (see <see cref="DotnetRuntimeReader"/>).
/// </summary>
public static class ImageOsPackageReader
{
    private const string StatusPath = "var/lib/dpkg/status";
    private const string StatusFolder = "var/lib/dpkg/status.d/";

    /// <summary>Reads OS packages from an unpacked image root file system; empty when it has no dpkg database.</summary>
    /// <param name="rootfs">The root folder of the image (the one holding <c>var/</c>, <c>etc/</c>, ...).</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static async Task<IReadOnlyList<SoftwareComponent>> ReadRootfsAsync(string rootfs, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(rootfs))
        {
            throw new DirectoryNotFoundException(
                $"{rootfs}: image root file system folder does not exist. Pass the folder an unpacked image was written to.");
        }

        var components = new List<SoftwareComponent>();
        var status = Path.Combine(rootfs, StatusPath);
        if (File.Exists(status))
        {
            components.AddRange(DpkgStatusParser.Parse(await File.ReadAllTextAsync(status, cancellationToken).ConfigureAwait(false), status));
        }

        var folder = Path.Combine(rootfs, StatusFolder);
        if (Directory.Exists(folder))
        {
            foreach (var file in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
            {
                components.AddRange(DpkgStatusParser.Parse(await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false), file));
            }
        }

        return components;
    }

    /// <summary>
    /// Reads OS packages from image layers given bottom layer first. dpkg rewrites its whole status file, so the
    /// top-most layer that carries one wins; status.d files add up across layers.
    /// </summary>
    /// <param name="layerTars">Layer tar paths (plain tar or tar+gzip), bottom layer first.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static Task<IReadOnlyList<SoftwareComponent>> ReadLayersAsync(IEnumerable<string> layerTars, CancellationToken cancellationToken) =>
        ReadLayersAsync(layerTars.Select(path => new ImageLayer(path, string.Empty)), cache: null, cancellationToken);

    /// <summary>
    /// Reads OS packages from image layers given bottom layer first, taking what a layer holds from
    /// <paramref name="cache"/> when its digest was read before and recording it there when not.
    /// </summary>
    /// <param name="layers">The layers, bottom layer first.</param>
    /// <param name="cache">Where layers already read are remembered by digest; null reads every layer.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static async Task<IReadOnlyList<SoftwareComponent>> ReadLayersAsync(
        IEnumerable<ImageLayer> layers, LayerPackageCache? cache, CancellationToken cancellationToken)
    {
        IReadOnlyList<SoftwareComponent> fromStatus = [];
        var fromStatusFolder = new Dictionary<string, IReadOnlyList<SoftwareComponent>>(StringComparer.Ordinal);
        // By path, so a file an upper layer replaces counts once; its whiteout is not tracked (a removed runtime is rare).
        var runtimes = new Dictionary<string, SoftwareComponent?>(StringComparer.Ordinal);
        foreach (var layer in layers)
        {
            var entries = cache is null ? null : await cache.TryReadAsync(layer.Digest, cancellationToken).ConfigureAwait(false);
            if (entries is null)
            {
                entries = await ReadDpkgEntriesAsync(layer.Path, cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
                if (cache is not null) await cache.WriteAsync(layer.Digest, entries, cancellationToken).ConfigureAwait(false);
            }

            foreach (var (entryName, text) in entries)
            {
                if (DotnetRuntimeReader.IsFrameworkManifest(entryName))
                {
                    runtimes[entryName] = DotnetRuntimeReader.Parse(text, $"{layer.Path}!{entryName}");
                    continue;
                }

                var parsed = DpkgStatusParser.Parse(text, $"{layer.Path}!{entryName}");
                if (entryName == StatusPath)
                {
                    fromStatus = parsed;
                }
                else
                {
                    fromStatusFolder[entryName] = parsed;
                }
            }
        }

        return fromStatus.Concat(fromStatusFolder.OrderBy(p => p.Key, StringComparer.Ordinal).SelectMany(p => p.Value))
            .Concat(runtimes.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value).OfType<SoftwareComponent>())
            .ToList();
    }

    private static async IAsyncEnumerable<DpkgEntry> ReadDpkgEntriesAsync(
        string layerTar, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!File.Exists(layerTar))
        {
            throw new FileNotFoundException($"{layerTar}: layer tar does not exist. Pass the paths of the image's layer blobs.", layerTar);
        }

        var file = File.OpenRead(layerTar);
        await using var fileDisposal = file.ConfigureAwait(false);
        var isGzip = file.ReadByte() == 0x1f && file.ReadByte() == 0x8b;
        file.Position = 0;
        Stream content = isGzip ? new GZipStream(file, CompressionMode.Decompress) : file;
        await using var contentDisposal = content.ConfigureAwait(false);
        var reader = new TarReader(content);
        await using var readerDisposal = reader.ConfigureAwait(false);
        while (await reader.GetNextEntryAsync(copyData: false, cancellationToken).ConfigureAwait(false) is { } entry)
        {
            var name = entry.Name.TrimStart('.').TrimStart('/');
            var wanted = name == StatusPath || (name.StartsWith(StatusFolder, StringComparison.Ordinal) && name.Length > StatusFolder.Length)
                         || DotnetRuntimeReader.IsFrameworkManifest(name);
            if (!wanted || entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null)
            {
                continue;
            }

            using var text = new StreamReader(entry.DataStream);
            yield return new DpkgEntry(name, await text.ReadToEndAsync(cancellationToken).ConfigureAwait(false));
        }
    }
}
