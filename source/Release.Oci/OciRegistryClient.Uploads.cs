using System.Net;
using System.Net.Http.Headers;
using Release.Foundation.Oci;

namespace Release.Oci;

public sealed partial class OciRegistryClient
{
    /// <summary>Uploads <paramref name="content"/> as a blob; returns its digest.</summary>
    public async Task<OciDigest> PushBlobAsync(
        string repository, byte[] content, BlobUploadMode mode = BlobUploadMode.Auto, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var digest = OciDigest.Compute(content);
        await PushBlobAsync(repository, digest, content.LongLength, () => new MemoryStream(content, writable: false), mode, cancellationToken)
            .ConfigureAwait(false);
        return digest;
    }

    /// <summary>Uploads the file at <paramref name="path"/> as a blob with the given digest.</summary>
    public Task PushBlobFileAsync(
        string repository, OciDigest digest, string path, BlobUploadMode mode = BlobUploadMode.Auto, CancellationToken cancellationToken = default)
    {
        var size = new FileInfo(path).Length;
        return PushBlobAsync(repository, digest, size, () => File.OpenRead(path), mode, cancellationToken);
    }

    /// <summary>
    /// Uploads a blob of <paramref name="size"/> bytes; <paramref name="openContent"/> is called once per attempt
    /// for a fresh stream. The registry checks the content against <paramref name="digest"/>.
    /// </summary>
    public async Task PushBlobAsync(
        string repository, OciDigest digest, long size, Func<Stream> openContent,
        BlobUploadMode mode = BlobUploadMode.Auto, CancellationToken cancellationToken = default)
    {
        OciNames.ValidateRepository(repository);
        ArgumentNullException.ThrowIfNull(openContent);
        var location = await StartUploadAsync(repository, query: string.Empty, cancellationToken).ConfigureAwait(false);
        await UploadToSessionAsync(repository, location!, digest, size, openContent, mode, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Links blob <paramref name="digest"/> from <paramref name="fromRepository"/> into <paramref name="repository"/>
    /// on this registry without moving bytes. When the registry declines (202), downloads the blob from
    /// <paramref name="fromRepository"/> (verified) and uploads it into the session the registry opened.
    /// </summary>
    public async Task<BlobMountResult> MountBlobAsync(
        string repository, OciDigest digest, string fromRepository, CancellationToken cancellationToken = default)
    {
        OciNames.ValidateRepository(repository);
        OciNames.ValidateRepository(fromRepository, nameof(fromRepository));
        var query = $"?mount={Uri.EscapeDataString(digest.ToString())}&from={Uri.EscapeDataString(fromRepository)}";
        var location = await StartUploadAsync(repository, query, cancellationToken).ConfigureAwait(false);
        if (location is null)
        {
            _log($"{Address.Host}: mounted {digest} from {fromRepository} into {repository}");
            return BlobMountResult.Mounted;
        }

        _log($"{Address.Host}: mount of {digest} into {repository} declined; copying the bytes from {fromRepository}");
        var temp = Path.Combine(Path.GetTempPath(), $"release-oci-{Guid.NewGuid():N}.blob");
        try
        {
            await GetBlobToFileAsync(fromRepository, digest, temp, cancellationToken).ConfigureAwait(false);
            var size = new FileInfo(temp).Length;
            await UploadToSessionAsync(repository, location, digest, size, () => File.OpenRead(temp), BlobUploadMode.Auto, cancellationToken)
                .ConfigureAwait(false);
            return BlobMountResult.Uploaded;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>POSTs to the uploads endpoint; returns the session location (202) or null when the blob was created (201).</summary>
    private async Task<Uri?> StartUploadAsync(string repository, string query, CancellationToken cancellationToken)
    {
        var action = $"start a blob upload to {repository}";
        using var response = await _transport.SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, RepositoryUri(repository, "blobs/uploads/" + query)),
            repository, cancellationToken).ConfigureAwait(false);
        return response.StatusCode switch
        {
            HttpStatusCode.Created => null,
            HttpStatusCode.Accepted => _transport.ResolveLocation(response, action),
            _ => await ThrowAsync<Uri?>(response, action, cancellationToken).ConfigureAwait(false),
        };
    }

    private async Task UploadToSessionAsync(
        string repository, Uri location, OciDigest digest, long size, Func<Stream> openContent,
        BlobUploadMode mode, CancellationToken cancellationToken)
    {
        var chunked = mode == BlobUploadMode.Chunked
                      || (mode == BlobUploadMode.Auto && size > _options.ChunkedUploadThreshold);
        HttpContent? finalContent = null;
        if (chunked)
        {
            location = await PatchChunksAsync(repository, location, size, openContent, cancellationToken).ConfigureAwait(false);
        }

        var action = $"finish the upload of blob {digest} ({size} bytes) to {repository}";
        var separator = location.Query.Length > 0 ? "&" : "?";
        var putUri = new Uri(location.AbsoluteUri + separator + "digest=" + Uri.EscapeDataString(digest.ToString()));
        using var response = await _transport.SendAsync(() =>
        {
            finalContent = chunked ? new ByteArrayContent([]) : new StreamContent(openContent());
            finalContent.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            finalContent.Headers.ContentLength = chunked ? 0 : size;
            return new HttpRequestMessage(HttpMethod.Put, putUri) { Content = finalContent };
        }, repository, cancellationToken).ConfigureAwait(false);
        finalContent?.Dispose();
        if (response.StatusCode != HttpStatusCode.Created)
        {
            await _transport.ThrowForAsync(response, action, cancellationToken).ConfigureAwait(false);
        }

        _log($"{Address.Host}: uploaded {digest} ({size} bytes, {(chunked ? "chunked" : "monolithic")}) to {repository}");
    }

    /// <summary>Sends the content as PATCH chunks with Content-Range; returns the location for the closing PUT.</summary>
    private async Task<Uri> PatchChunksAsync(
        string repository, Uri location, long size, Func<Stream> openContent, CancellationToken cancellationToken)
    {
        var stream = openContent();
        await using var streamDisposal = stream.ConfigureAwait(false);
        var buffer = new byte[(int)Math.Min(_options.ChunkSize, Math.Max(size, 1))];
        long offset = 0;
        while (offset < size)
        {
            var count = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken)
                .ConfigureAwait(false);
            if (count == 0)
            {
                throw new InvalidOperationException($"the blob content ended after {offset} of the {size} bytes announced.");
            }

            var range = $"{offset}-{offset + count - 1}";
            var target = location;
            using var response = await _transport.SendAsync(() =>
            {
                var content = new ByteArrayContent(buffer, 0, count);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                content.Headers.TryAddWithoutValidation("Content-Range", range);
                return new HttpRequestMessage(HttpMethod.Patch, target) { Content = content };
            }, repository, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                await _transport.ThrowForAsync(response, $"upload bytes {range} of a blob to {repository}", cancellationToken)
                    .ConfigureAwait(false);
            }

            location = _transport.ResolveLocation(response, $"upload bytes {range} to {repository}");
            offset += count;
        }

        return location;
    }

    private async Task<T> ThrowAsync<T>(HttpResponseMessage response, string action, CancellationToken cancellationToken)
    {
        await _transport.ThrowForAsync(response, action, cancellationToken).ConfigureAwait(false);
        throw new InvalidOperationException("unreachable: ThrowForAsync always throws");
    }
}
