using System.Net;
using Release.Foundation.IO;
using Release.Foundation.Oci;

namespace Release.Oci;

public sealed partial class OciRegistryClient
{
    /// <summary>True when <paramref name="repository"/> holds the blob <paramref name="digest"/> (HEAD).</summary>
    public async Task<bool> BlobExistsAsync(string repository, OciDigest digest, CancellationToken cancellationToken = default)
    {
        OciNames.ValidateRepository(repository);
        using var response = await _transport.SendAsync(
            () => new HttpRequestMessage(HttpMethod.Head, RepositoryUri(repository, $"blobs/{digest}")),
            repository, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        if (!response.IsSuccessStatusCode)
        {
            await _transport.ThrowForAsync(response, $"check blob {digest} in {repository}", cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>
    /// Streams the blob into <paramref name="destination"/> and verifies its digest at the end; on a mismatch
    /// throws (the destination then holds unverified bytes: write to a temp file, see <see cref="GetBlobToFileAsync"/>).
    /// </summary>
    /// <returns>The number of bytes written.</returns>
    public async Task<long> GetBlobAsync(
        string repository, OciDigest digest, Stream destination, CancellationToken cancellationToken = default)
    {
        OciNames.ValidateRepository(repository);
        ArgumentNullException.ThrowIfNull(destination);
        using var response = await _transport.SendAsync(
            () => new HttpRequestMessage(HttpMethod.Get, RepositoryUri(repository, $"blobs/{digest}")),
            repository, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            await _transport.ThrowForAsync(response, $"get blob {digest} from {repository}", cancellationToken).ConfigureAwait(false);
        }

        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using var bodyDisposal = body.ConfigureAwait(false);
        using var hash = digest.CreateHash();
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            total += read;
        }

        var actual = hash.GetHashAndReset();
        if (!digest.Matches(actual))
        {
            throw new OciRegistryException(
                $"blob {digest} from {Address.Host}/{repository} arrived with digest {digest.Algorithm}:{Convert.ToHexStringLower(actual)} " +
                $"({total} bytes): the content is corrupt or the registry served the wrong blob; nothing was kept.");
        }

        return total;
    }

    /// <summary>Downloads and verifies the blob into memory (for configs, manifests and small artifacts).</summary>
    public async Task<byte[]> GetBlobBytesAsync(string repository, OciDigest digest, CancellationToken cancellationToken = default)
    {
        using var memory = new MemoryStream();
        await GetBlobAsync(repository, digest, memory, cancellationToken).ConfigureAwait(false);
        return memory.ToArray();
    }

    /// <summary>
    /// Downloads and verifies the blob into <paramref name="path"/>: written to a temp file beside it and moved
    /// into place only after the digest matched, so the path never holds a partial or corrupt blob.
    /// </summary>
    public Task GetBlobToFileAsync(string repository, OciDigest digest, string path, CancellationToken cancellationToken = default) =>
        AtomicFile.WriteAsync(path, (file, ct) => GetBlobAsync(repository, digest, file, ct), cancellationToken);
}
