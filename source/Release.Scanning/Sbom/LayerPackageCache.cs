using Release.Foundation.IO;
using System.Text.Json;
using System.Text.RegularExpressions;
using Release.Scanning.Io;

namespace Release.Scanning.Sbom;

/// <summary>
/// Remembers the dpkg database entries found in image layers, one file per layer digest. A layer is addressed by its
/// content, so what it holds never changes; a base layer is tens of megabytes of gzip that every scan of every commit
/// would otherwise decompress again (Trivy keeps the same kind of per-layer cache).
/// </summary>
/// <remarks>
/// The digest is the manifest's: blobs were checked against it when the image was pushed, and the cache does not hash
/// them again. A cache file that cannot be read is treated as absent and written anew.
/// </remarks>
/// <param name="directory">The cache folder; created on the first write.</param>
public sealed partial class LayerPackageCache(string directory)
{
    // v2: entries include the .NET frameworks' deps.json; a v1 file (dpkg only) must not hide the runtime.
    private const string FormatVersion = "v2";

    /// <summary>The cache folder.</summary>
    public string Directory { get; } = directory;

    internal async Task<IReadOnlyList<DpkgEntry>?> TryReadAsync(string digest, CancellationToken cancellationToken)
    {
        if (FileFor(digest) is not { } file || !File.Exists(file)) return null;
        try
        {
            var stream = File.OpenRead(file);
            await using var streamDisposal = stream.ConfigureAwait(false);
            return await JsonSerializer.DeserializeAsync<List<DpkgEntry>>(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal async Task WriteAsync(string digest, IReadOnlyList<DpkgEntry> entries, CancellationToken cancellationToken)
    {
        if (FileFor(digest) is not { } file) return;
        await AtomicFile.WriteTextAsync(file, JsonSerializer.Serialize(entries), cancellationToken).ConfigureAwait(false);
    }

    // Only a well-formed digest becomes a file name: anything else could point outside the folder, and is not cached.
    private string? FileFor(string digest) =>
        Sha256Digest().Match(digest) is { Success: true } match
            ? Path.Combine(Directory, $"sha256-{match.Groups[1].Value}.{FormatVersion}.json")
            : null;

    [GeneratedRegex("^sha256:([0-9a-f]{64})$")]
    private static partial Regex Sha256Digest();
}

/// <summary>One package database file found in a layer (dpkg status, a .NET framework's deps.json): its path in the image and its text.</summary>
internal sealed record DpkgEntry(string Name, string Text);
