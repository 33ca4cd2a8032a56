using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Release.Foundation.Oci;
using Release.Oci;

namespace Release.Testing.Registry;

/// <summary>
/// A tiny but valid OCI image built by hand: one gzip layer holding one file, a config whose diff_ids match the
/// layer, and an OCI image manifest. Deterministic: the same file name and content give the same digests.
/// </summary>
public sealed class SampleImage
{
    private SampleImage(byte[] layer, byte[] config, ManifestContent manifest)
    {
        Layer = layer;
        Config = config;
        Manifest = manifest;
    }

    /// <summary>The gzip-compressed layer tar.</summary>
    public byte[] Layer { get; }

    /// <summary>The image configuration JSON.</summary>
    public byte[] Config { get; }

    /// <summary>The OCI image manifest.</summary>
    public ManifestContent Manifest { get; }

    /// <summary>Builds an image whose single layer holds <paramref name="fileName"/> with <paramref name="content"/>.</summary>
    public static SampleImage Create(string fileName = "hello.txt", string content = "hello from a hand-built layer\n")
    {
        var tar = BuildTar(fileName, Encoding.UTF8.GetBytes(content));
        var layer = Gzip(tar);
        var config = Encoding.UTF8.GetBytes(
            "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Cmd\":[\"/bin/true\"]}," +
            $"\"rootfs\":{{\"type\":\"layers\",\"diff_ids\":[\"{OciDigest.Compute(tar)}\"]}}}}");
        var document = new ManifestDocument
        {
            MediaType = OciMediaTypes.ImageManifest,
            Config = Describe(OciMediaTypes.ImageConfig, config),
            Layers = [Describe(OciMediaTypes.ImageLayerGzip, layer)],
        };
        return new SampleImage(layer, config, new ManifestContent(document.ToJsonBytes(), OciMediaTypes.ImageManifest));
    }

    /// <summary>Uploads the blobs and tags the manifest; returns the manifest digest.</summary>
    public async Task<OciDigest> PushAsync(OciRegistryClient client, string repository, string tag, CancellationToken cancellationToken = default)
    {
        await client.PushBlobAsync(repository, Layer, BlobUploadMode.Auto, cancellationToken).ConfigureAwait(false);
        await client.PushBlobAsync(repository, Config, BlobUploadMode.Auto, cancellationToken).ConfigureAwait(false);
        return await client.PutManifestAsync(repository, tag, Manifest, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the image into an OCI layout directory under <paramref name="tag"/>.</summary>
    public async Task<OciImageLayout> WriteLayoutAsync(string directory, string tag, CancellationToken cancellationToken = default)
    {
        var layout = await OciImageLayout.CreateAsync(directory, cancellationToken).ConfigureAwait(false);
        await layout.WriteBlobAsync(Layer, OciMediaTypes.ImageLayerGzip, cancellationToken).ConfigureAwait(false);
        await layout.WriteBlobAsync(Config, OciMediaTypes.ImageConfig, cancellationToken).ConfigureAwait(false);
        var descriptor = await layout.WriteBlobAsync(Manifest.Bytes, Manifest.MediaType, cancellationToken).ConfigureAwait(false);
        await layout.AddManifestAsync(descriptor, tag, cancellationToken).ConfigureAwait(false);
        return layout;
    }

    private static OciDescriptor Describe(string mediaType, byte[] content) =>
        new(mediaType, OciDigest.Compute(content).ToString(), content.LongLength);

    private static byte[] BuildTar(string fileName, byte[] content)
    {
        using var output = new MemoryStream();
        using (var writer = new TarWriter(output, TarEntryFormat.Ustar, leaveOpen: true))
        {
            var entry = new UstarTarEntry(TarEntryType.RegularFile, fileName)
            {
                DataStream = new MemoryStream(content),
                ModificationTime = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero),
                Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
            };
            writer.WriteEntry(entry);
        }

        return output.ToArray();
    }

    private static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }
}
