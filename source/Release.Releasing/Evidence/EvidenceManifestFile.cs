using System.Text.Json;
using Release.Engine;
using Release.Process.Evidence;
using Release.Releasing.Common;

namespace Release.Releasing.Evidence;

/// <summary><c>manifest.json</c> beside the evidence files: release id, manifest hash, and every file's SHA-256.</summary>
internal static class EvidenceManifestFile
{
    /// <summary>The manifest's file name; it is the one file of the folder it does not list.</summary>
    public const string Name = "manifest.json";

    /// <summary>The signed in-toto statement of the manifest (a DSSE envelope); like the manifest, not listed in it.</summary>
    public const string EnvelopeName = "manifest.dsse.json";

    private static readonly JsonSerializerOptions Options = new() {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NewLine = "\n" };

    private sealed record Document(string ReleaseId, string Hash, IReadOnlyList<EvidenceFile> Files);

    /// <summary>SHA-256 of every file under <paramref name="folder"/> except the manifest, by relative path.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> HashFilesAsync(AbsolutePath folder, CancellationToken ct)
    {
        var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
            if (relative is Name or EnvelopeName) continue;
            hashes[relative] = Sha256Hex.Of(await File.ReadAllBytesAsync(file, ct).ConfigureAwait(false));
        }
        return hashes;
    }

    /// <summary>Writes the manifest.</summary>
    public static Task WriteAsync(AbsolutePath folder, EvidenceManifest manifest, CancellationToken ct) =>
        File.WriteAllTextAsync(
            folder / Name,
            JsonSerializer.Serialize(new Document(manifest.ReleaseId, manifest.Hash, manifest.Files), Options) + "\n",
            ct);

    /// <summary>Writes the signed statement of the manifest.</summary>
    public static Task WriteEnvelopeAsync(AbsolutePath folder, DsseEnvelope envelope, CancellationToken ct) =>
        File.WriteAllTextAsync(folder / EnvelopeName, JsonSerializer.Serialize(envelope, Options) + "\n", ct);

    /// <summary>The signed statement of the manifest, or null when the bundle has none.</summary>
    public static async Task<DsseEnvelope?> ReadEnvelopeAsync(AbsolutePath folder, CancellationToken ct)
    {
        var path = folder / EnvelopeName;
        if (!path.FileExists()) return null;
        try { return JsonSerializer.Deserialize<DsseEnvelope>(await File.ReadAllTextAsync(path, ct).ConfigureAwait(false), Options); }
        catch (JsonException e) { throw new ReleaseRefusedException(
            $"{path} was changed and cannot be read ({e.Message}): the evidence of this release is not intact.",
            e); }
    }

    /// <summary>Reads a stored manifest; errors name the file.</summary>
    public static async Task<EvidenceManifest> ReadAsync(AbsolutePath folder, CancellationToken ct)
    {
        var path = folder / Name;
        if (!path.FileExists())
            throw new ReleaseRefusedException($"{path} is missing: the evidence bundle was not written or its manifest was removed. Run ./build.sh " +
                "Evidence (or restore the bundle).");
        try
        {
            var document = JsonSerializer.Deserialize<Document>(await File.ReadAllTextAsync(path, ct).ConfigureAwait(false), Options)
                           ?? throw new JsonException("empty document");
            return EvidenceManifest.Create(document.ReleaseId, document.Files);
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            throw new ReleaseRefusedException($"{path} was changed and cannot be read ({e.Message}): the evidence of this release is not intact.", e);
        }
    }
}
