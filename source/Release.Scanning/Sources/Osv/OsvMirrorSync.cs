using System.IO.Compression;
using System.Text.Json;
using Release.Tooling.Http;

namespace Release.Scanning.Sources.Osv;

/// <summary>
/// Refreshes an OSV advisory folder from a mirror laid out as OSV's public bucket: one <c>all.zip</c> of OSV JSON
/// documents per ecosystem at <c>MIRROR/ECOSYSTEM/all.zip</c> (<c>https://osv-vulnerabilities.storage.googleapis.com</c>,
/// or a bank's internal copy of it). Each ecosystem lands in its own subfolder, which is replaced whole and only after
/// every ecosystem was downloaded and checked: a failed sync leaves the folder as it was, and files beside the
/// ecosystem folders (a team's own advisories, a README) are kept.
/// </summary>
/// <param name="http">The client downloads go through.</param>
/// <param name="log">Receives one line per step; may be null.</param>
/// <param name="retry">Retries each download on 429, 5xx and connection failures; null for the shared defaults.</param>
public sealed class OsvMirrorSync(HttpClient http, Action<string>? log = null, HttpRetryPolicy? retry = null)
{
    private readonly HttpRetryPolicy _retry = retry ?? new HttpRetryPolicy(log: message => log?.Invoke($"Mirror download: {message}"));

    /// <summary>OSV's public bucket.</summary>
    public static readonly Uri PublicMirror = new("https://osv-vulnerabilities.storage.googleapis.com/");

    /// <summary>Downloads and checks every ecosystem, then swaps their folders in; the number of documents per ecosystem.</summary>
    /// <param name="mirror">The mirror's root URL.</param>
    /// <param name="ecosystems">OSV ecosystem names, e.g. <c>NuGet</c>, <c>Debian:12</c>.</param>
    /// <param name="folder">The advisory folder the scan reads (created when missing).</param>
    /// <param name="ct">Stops the sync; nothing is swapped in after it.</param>
    /// <exception cref="OsvMirrorException">A download failed or an archive held something that is not an OSV document.</exception>
    public async Task<IReadOnlyDictionary<string, int>> SyncAsync(Uri mirror, IReadOnlyList<string> ecosystems, string folder, CancellationToken ct)
    {
        if (ecosystems.Count == 0) throw new OsvMirrorException("No ecosystems to sync: name at least one, e.g. NuGet or Debian:12.");
        folder = Path.GetFullPath(folder);
        Directory.CreateDirectory(folder);
        // Staged beside the folder, not in it: the scan reads the folder recursively, and a sync cut short must not
        // leave half an archive where it would be read.
        var staging = $"{folder}.sync-{Guid.NewGuid():N}";
        try
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var ecosystem in ecosystems.Distinct(StringComparer.Ordinal))
                counts[ecosystem] = await DownloadAsync(mirror, ecosystem, Path.Combine(staging, FolderName(ecosystem)), ct).ConfigureAwait(false);
            ct.ThrowIfCancellationRequested();
            foreach (var ecosystem in counts.Keys) Swap(Path.Combine(staging, FolderName(ecosystem)), Path.Combine(folder, FolderName(ecosystem)));
            return counts;
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>The subfolder an ecosystem's documents land in (<c>Debian:12</c> becomes <c>Debian-12</c>).</summary>
    public static string FolderName(string ecosystem) =>
        new(ecosystem.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '-').ToArray());

    private async Task<int> DownloadAsync(Uri mirror, string ecosystem, string target, CancellationToken ct)
    {
        var url = new Uri(mirror.AbsoluteUri.TrimEnd('/') + "/" + Uri.EscapeDataString(ecosystem) + "/all.zip");
        log?.Invoke($"Downloading {url}");
        var archive = target + ".zip";
        Directory.CreateDirectory(Path.GetDirectoryName(archive)!);
        try
        {
            using var response = await _retry.SendAsync(token => http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, token), ct)
                .ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                throw new OsvMirrorException($"{url} answered {(int)response.StatusCode} {response.ReasonPhrase} (after {_retry.MaxAttempts} " +
                    $"attempt(s) for 429 and 5xx). Check the mirror URL and the ecosystem name '{ecosystem}' (the mirror must serve " +
                    "MIRROR/ECOSYSTEM/all.zip).");
            var file = File.Create(archive);
            await using var fileDisposal = file.ConfigureAwait(false);
            await response.Content.CopyToAsync(file, ct).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new OsvMirrorException(
                $"{url} could not be reached ({e.Message}). Check the mirror URL, or sync from a mirror this machine can reach.",
                e);
        }
        return await ExtractAsync(archive, url, target, ct).ConfigureAwait(false);
    }

    // Every entry must be an OSV document (a JSON object with an id): a proxy's error page or a truncated archive must
    // not replace good data.
    private static async Task<int> ExtractAsync(string archive, Uri url, string target, CancellationToken ct)
    {
        Directory.CreateDirectory(target);
        var count = 0;
        try
        {
            using var zip = ZipFile.OpenRead(archive);
            foreach (var entry in zip.Entries.Where(e => e.Name.Length > 0))
            {
                if (!entry.Name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                    throw new OsvMirrorException(
                        $"{url}: entry '{entry.FullName}' is not an OSV JSON document. The mirror must serve OSV's all.zip archives.");
                var path = Path.Combine(target, Path.GetFileName(entry.Name));
                var source = entry.Open();
                await using (source.ConfigureAwait(false))
                {
                    var copy = File.Create(path);
                    await using (copy.ConfigureAwait(false))
                        await source.CopyToAsync(copy, ct).ConfigureAwait(false);
                }
                await CheckDocumentAsync(path, url, entry.FullName, ct).ConfigureAwait(false);
                count++;
            }
        }
        catch (InvalidDataException e)
        {
            throw new OsvMirrorException($"{url} is not a zip archive ({e.Message}). The mirror must serve OSV's all.zip archives.", e);
        }
        return count;
    }

    private static async Task CheckDocumentAsync(string path, Uri url, string entry, CancellationToken ct)
    {
        try
        {
            var stream = File.OpenRead(path);
            await using var streamDisposal = stream.ConfigureAwait(false);
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: ct).ConfigureAwait(false);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String)
                throw new OsvMirrorException($"{url}: entry '{entry}' has no OSV id. The mirror must serve OSV's all.zip archives.");
        }
        catch (JsonException e)
        {
            throw new OsvMirrorException(
                $"{url}: entry '{entry}' is not valid JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}).",
                e);
        }
    }

    // The old folder is moved aside before the new one moves in, so a reader sees either the old data or the new.
    private static void Swap(string staged, string current)
    {
        var old = $"{staged}.old";
        if (Directory.Exists(current)) Directory.Move(current, old);
        Directory.Move(staged, current);
        if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
    }
}
