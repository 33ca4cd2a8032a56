using System.Text;

namespace Release.Process.Evidence;

/// <summary>One evidence file and its SHA-256.</summary>
/// <param name="Path">The path relative to the evidence folder, with '/' separators.</param>
/// <param name="Sha256">The file's SHA-256 in lower-case hex.</param>
public sealed record EvidenceFile(string Path, string Sha256);

/// <summary>
/// The list of a release's evidence files with their hashes, sorted by path so the same files always give the
/// same <see cref="Hash"/>.
/// </summary>
public sealed class EvidenceManifest
{
    private EvidenceManifest(string releaseId, IReadOnlyList<EvidenceFile> files)
    {
        ReleaseId = releaseId;
        Files = files;
        Hash = Sha256Hex.Of(Canonical());
    }

    /// <summary>The release the evidence belongs to.</summary>
    public string ReleaseId { get; }

    /// <summary>The files, sorted by path (ordinal).</summary>
    public IReadOnlyList<EvidenceFile> Files { get; }

    /// <summary>SHA-256 of the canonical text (see <see cref="Canonical"/>).</summary>
    public string Hash { get; }

    /// <summary>Builds a manifest from (path, hash) pairs; paths are normalised and checked.</summary>
    /// <param name="releaseId">The release.</param>
    /// <param name="files">The files and their hashes.</param>
    /// <exception cref="ArgumentException">An absolute or escaping path, a duplicate path, or an invalid hash.</exception>
    public static EvidenceManifest Create(string releaseId, IEnumerable<EvidenceFile> files)
    {
        if (string.IsNullOrWhiteSpace(releaseId) || releaseId.Any(char.IsWhiteSpace))
            throw new ArgumentException($"Evidence manifest release id '{releaseId}' must be non-empty without spaces.");
        var normalised = files.Select(
            f => new EvidenceFile(NormalisePath(f.Path, releaseId), Sha256Hex.Validate(f.Sha256, $"Evidence of {releaseId}, file '{f.Path}'")))
            .OrderBy(f => f.Path, StringComparer.Ordinal).ToArray();
        var duplicate = normalised.GroupBy(f => f.Path).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"Evidence of {releaseId}: file '{duplicate.Key}' is listed twice.");
        return new EvidenceManifest(releaseId, normalised);
    }

    /// <summary>The text that is hashed: a version line, the release id, then "hash  path" per file (sha256sum format).</summary>
    public string Canonical()
    {
        var text = new StringBuilder("release-evidence-manifest/v1\n").Append("release ").Append(ReleaseId).Append('\n');
        foreach (var file in Files) text.Append(file.Sha256).Append("  ").Append(file.Path).Append('\n');
        return text.ToString();
    }

    /// <summary>Turns a path into the manifest's form: '/' separators, relative, no '.' or '..' segments.</summary>
    /// <param name="path">The path.</param>
    /// <param name="releaseId">The release, named in the error.</param>
    /// <exception cref="ArgumentException">The path cannot be part of a manifest.</exception>
    public static string NormalisePath(string path, string releaseId)
    {
        var unified = (path ?? "").Replace('\\', '/');
        var segments = unified.Split('/');
        if (unified.Length == 0 || unified.StartsWith('/') || unified.Contains(':') || unified.Any(char.IsControl)
            || segments.Any(s => s is "" or "." or ".."))
            throw new ArgumentException(
                $"Evidence of {releaseId}: path '{path}' must be relative to the evidence folder, without '.', '..', empty segments or drive " +
                    "letters.");
        return unified;
    }
}
