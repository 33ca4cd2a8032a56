using System.Net;
using System.Net.Http.Headers;
using Release.Foundation.Oci;

namespace Release.Oci;

public sealed partial class OciRegistryClient
{
    /// <summary>
    /// Stores <paramref name="manifest"/> under <paramref name="reference"/> (a tag, or its own digest) and returns
    /// its digest, checked against the registry's Docker-Content-Digest answer.
    /// </summary>
    public async Task<OciDigest> PutManifestAsync(
        string repository, string reference, ManifestContent manifest, CancellationToken cancellationToken = default)
    {
        OciNames.ValidateRepository(repository);
        OciNames.ValidateReference(reference);
        ArgumentNullException.ThrowIfNull(manifest);
        if (OciDigest.TryParse(reference, out var asDigest) && asDigest != manifest.Digest)
        {
            throw new ArgumentException(
                $"reference {reference} is a digest but the manifest's digest is {manifest.Digest}; push by tag or by its own digest.",
                nameof(reference));
        }

        var action = $"put manifest {manifest.Digest} as {repository}:{reference}";
        using var response = await _transport.SendAsync(() =>
        {
            var content = new ByteArrayContent(manifest.Bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue(manifest.MediaType);
            return new HttpRequestMessage(HttpMethod.Put, RepositoryUri(repository, $"manifests/{reference}")) { Content = content };
        }, repository, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            await _transport.ThrowForAsync(response, action, cancellationToken).ConfigureAwait(false);
        }

        CheckDigestHeader(response, manifest.Digest, action);
        _log($"{Address.Host}: pushed {repository}:{reference} ({manifest.Digest})");
        return manifest.Digest;
    }

    /// <summary>
    /// Fetches the manifest or index at <paramref name="reference"/> with every supported media type accepted,
    /// and verifies its bytes against the requested digest and the registry's Docker-Content-Digest.
    /// </summary>
    public async Task<ManifestContent> GetManifestAsync(
        string repository, string reference, CancellationToken cancellationToken = default)
    {
        OciNames.ValidateRepository(repository);
        OciNames.ValidateReference(reference);
        var action = $"get manifest {repository}:{reference}";
        using var response = await _transport.SendAsync(
            () => ManifestRequest(HttpMethod.Get, repository, reference), repository, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            await _transport.ThrowForAsync(response, action, cancellationToken).ConfigureAwait(false);
        }

        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var manifest = new ManifestContent(bytes, response.Content.Headers.ContentType?.MediaType);
        if (OciDigest.TryParse(reference, out var requested))
        {
            using var hash = requested.CreateHash();
            hash.AppendData(bytes);
            if (!requested.Matches(hash.GetHashAndReset()))
            {
                throw new OciRegistryException(
                    $"manifest {repository}@{reference} from {Address.Host} does not match its digest (got {manifest.Digest}); refusing it.");
            }
        }

        CheckDigestHeader(response, manifest.Digest, action);
        return manifest;
    }

    /// <summary>The digest <paramref name="reference"/> points at (HEAD), or null when it does not exist.</summary>
    public async Task<OciDigest?> ResolveDigestAsync(string repository, string reference, CancellationToken cancellationToken = default)
    {
        OciNames.ValidateRepository(repository);
        OciNames.ValidateReference(reference);
        using var response = await _transport.SendAsync(
            () => ManifestRequest(HttpMethod.Head, repository, reference), repository, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        if (!response.IsSuccessStatusCode)
        {
            await _transport.ThrowForAsync(response, $"resolve {repository}:{reference}", cancellationToken).ConfigureAwait(false);
        }

        if (response.Headers.TryGetValues("Docker-Content-Digest", out var values)
            && OciDigest.TryParse(values.FirstOrDefault(), out var digest))
        {
            return digest;
        }

        // Registries without the header: fall back to fetching the bytes and hashing them.
        return (await GetManifestAsync(repository, reference, cancellationToken).ConfigureAwait(false)).Digest;
    }

    /// <summary>
    /// Deletes the manifest <paramref name="digest"/> (and so every tag pointing at it). Returns false when it did
    /// not exist. The registry must allow deletes (distribution: <c>storage.delete.enabled: true</c>).
    /// </summary>
    public async Task<bool> DeleteManifestAsync(string repository, OciDigest digest, CancellationToken cancellationToken = default)
    {
        OciNames.ValidateRepository(repository);
        using var response = await _transport.SendAsync(
            () => new HttpRequestMessage(HttpMethod.Delete, RepositoryUri(repository, $"manifests/{digest}")),
            repository, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        if (response.StatusCode == HttpStatusCode.MethodNotAllowed)
        {
            throw new OciRegistryException(
                $"registry {Address.Host} does not allow deleting manifests (405); enable deletes in its configuration " +
                "(distribution: storage.delete.enabled: true).", response.StatusCode);
        }

        if (!response.IsSuccessStatusCode)
        {
            await _transport.ThrowForAsync(response, $"delete {repository}@{digest}", cancellationToken).ConfigureAwait(false);
        }

        _log($"{Address.Host}: deleted {repository}@{digest}");
        return true;
    }

    private HttpRequestMessage ManifestRequest(HttpMethod method, string repository, string reference)
    {
        var request = new HttpRequestMessage(method, RepositoryUri(repository, $"manifests/{reference}"));
        foreach (var mediaType in OciMediaTypes.Manifests)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(mediaType));
        }

        return request;
    }

    private void CheckDigestHeader(HttpResponseMessage response, OciDigest expected, string action)
    {
        if (response.Headers.TryGetValues("Docker-Content-Digest", out var values)
            && OciDigest.TryParse(values.FirstOrDefault(), out var stated) && stated != expected)
        {
            throw new OciRegistryException(
                $"registry {Address.Host} stated digest {stated} but the bytes hash to {expected} when trying to {action}; " +
                "the manifest was altered on the way.");
        }
    }
}
