using System.Text.Json;
using Release.Foundation.IO;
using Release.Foundation.Oci;

namespace Release.Oci;

/// <summary>
/// An OCI image layout directory: <c>oci-layout</c>, <c>index.json</c> and <c>blobs/ALGORITHM/HEX</c>.
/// Blobs are written through temp files and moved into place after their digest is checked; index.json
/// is replaced whole, so a crash never leaves a half-written layout.
/// </summary>
public sealed partial class OciImageLayout
{
    /// <summary>The annotation that names a manifest in index.json (the tag).</summary>
    public const string RefNameAnnotation = "org.opencontainers.image.ref.name";

    private const string LayoutFile = "oci-layout";
    private const string IndexFile = "index.json";

    private OciImageLayout(string root, List<OciDescriptor> manifests)
    {
        Root = root;
        _manifests = manifests;
    }

    private readonly List<OciDescriptor> _manifests;

    /// <summary>The layout directory.</summary>
    public string Root { get; }

    /// <summary>The entries of index.json, in order.</summary>
    public IReadOnlyList<OciDescriptor> Manifests => _manifests;

    /// <summary>Opens the layout at <paramref name="directory"/>, creating an empty one when the directory has none.</summary>
    public static async Task<OciImageLayout> CreateAsync(string directory, CancellationToken cancellationToken = default)
    {
        var root = Path.GetFullPath(directory);
        Directory.CreateDirectory(Path.Combine(root, "blobs", "sha256"));
        if (!File.Exists(Path.Combine(root, LayoutFile)))
        {
            await WriteAtomicAsync(Path.Combine(root, LayoutFile), """{"imageLayoutVersion":"1.0.0"}"""u8.ToArray(), cancellationToken)
                .ConfigureAwait(false);
        }

        if (!File.Exists(Path.Combine(root, IndexFile)))
        {
            var layout = new OciImageLayout(root, []);
            await layout.SaveIndexAsync(cancellationToken).ConfigureAwait(false);
            return layout;
        }

        return await OpenAsync(root, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Opens an existing layout; throws naming the missing or broken file and the fix.</summary>
    public static async Task<OciImageLayout> OpenAsync(string directory, CancellationToken cancellationToken = default)
    {
        var root = Path.GetFullPath(directory);
        var layoutPath = Path.Combine(root, LayoutFile);
        if (!File.Exists(layoutPath))
        {
            throw new InvalidDataException(
                $"{root} is not an OCI image layout: {LayoutFile} is missing. Point at the directory that holds " +
                $"{LayoutFile}, index.json and blobs/ (for a tar, use {nameof(ExtractTarAsync)} first).");
        }

        var indexPath = Path.Combine(root, IndexFile);
        try
        {
            var stream = File.OpenRead(indexPath);
            await using var streamDisposal = stream.ConfigureAwait(false);
            var index = await JsonSerializer.DeserializeAsync<ManifestDocument>(stream, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            return new OciImageLayout(root, [.. index?.Manifests ?? []]);
        }
        catch (FileNotFoundException)
        {
            throw new InvalidDataException($"{indexPath} is missing; an OCI image layout needs an index.json.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException(
                $"{indexPath} is not valid JSON (line {ex.LineNumber + 1}): {ex.Message}. Rewrite it or recreate the layout.", ex);
        }
    }

    /// <summary>Where blob <paramref name="digest"/> lives in this layout.</summary>
    public string BlobPath(OciDigest digest) => Path.Combine(Root, "blobs", digest.Algorithm, digest.Hex);

    /// <summary>True when the layout holds blob <paramref name="digest"/>.</summary>
    public bool HasBlob(OciDigest digest) => File.Exists(BlobPath(digest));

    /// <summary>Stores <paramref name="content"/> as a blob and returns its descriptor.</summary>
    public async Task<OciDescriptor> WriteBlobAsync(byte[] content, string mediaType, CancellationToken cancellationToken = default)
    {
        var digest = OciDigest.Compute(content);
        var path = BlobPath(digest);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await WriteAtomicAsync(path, content, cancellationToken).ConfigureAwait(false);
        }

        return new OciDescriptor(mediaType, digest.ToString(), content.LongLength);
    }

    /// <summary>Reads blob <paramref name="digest"/> and checks that its bytes match it.</summary>
    public async Task<byte[]> ReadBlobAsync(OciDigest digest, CancellationToken cancellationToken = default)
    {
        var path = BlobPath(digest);
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"blob {digest} is missing from the layout at {Root} (expected {path}).");
        }

        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        using var hash = digest.CreateHash();
        hash.AppendData(bytes);
        if (!digest.Matches(hash.GetHashAndReset()))
        {
            throw new InvalidDataException($"blob {path} does not match its digest {digest}; the layout is corrupt.");
        }

        return bytes;
    }

    /// <summary>Reads and verifies the manifest or index <paramref name="descriptor"/> points at.</summary>
    public async Task<ManifestContent> ReadManifestAsync(OciDescriptor descriptor, CancellationToken cancellationToken = default)
    {
        var bytes = await ReadBlobAsync(descriptor.ParsedDigest, cancellationToken).ConfigureAwait(false);
        return new ManifestContent(bytes, descriptor.MediaType);
    }

    private static Task WriteAtomicAsync(string path, byte[] content, CancellationToken cancellationToken) =>
        AtomicFile.WriteBytesAsync(path, content, cancellationToken);
}
