using System.Text.Json;
using Release.Foundation.Oci;

namespace Release.Oci;

/// <summary>
/// A manifest or index exactly as stored: its bytes (the digest is over these, so they are never re-serialised),
/// its media type and its digest.
/// </summary>
public sealed class ManifestContent
{
    /// <summary>Wraps <paramref name="bytes"/>; the digest is computed from them.</summary>
    /// <param name="bytes">The exact manifest bytes.</param>
    /// <param name="mediaType">The manifest media type; when null it is read from the JSON <c>mediaType</c> field.</param>
    public ManifestContent(byte[] bytes, string? mediaType = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        Bytes = bytes;
        Digest = OciDigest.Compute(bytes);
        Document = ParseDocument(bytes);
        MediaType = mediaType ?? Document.MediaType ?? throw new FormatException(
            $"manifest {Digest} has no 'mediaType' field and none was given; pass the media type explicitly.");
    }

    /// <summary>The exact bytes.</summary>
    public byte[] Bytes { get; }

    /// <summary>The media type (e.g. <see cref="OciMediaTypes.ImageManifest"/>).</summary>
    public string MediaType { get; }

    /// <summary>The sha256 digest of <see cref="Bytes"/>.</summary>
    public OciDigest Digest { get; }

    /// <summary>The parsed view of the JSON (config, layers, child manifests).</summary>
    public ManifestDocument Document { get; }

    /// <summary>True when this is an index or manifest list rather than a single image manifest.</summary>
    public bool IsIndex => OciMediaTypes.IsIndex(MediaType);

    /// <summary>A descriptor that points at this manifest.</summary>
    public OciDescriptor ToDescriptor() => new(MediaType, Digest.ToString(), Bytes.LongLength);

    private ManifestDocument ParseDocument(byte[] bytes)
    {
        try
        {
            return JsonSerializer.Deserialize<ManifestDocument>(bytes)
                   ?? throw new FormatException($"manifest {Digest} is the JSON literal null.");
        }
        catch (JsonException ex)
        {
            throw new FormatException($"manifest {Digest} is not valid JSON: {ex.Message}", ex);
        }
    }
}
