using System.Net;
using System.Text.Json;

namespace Release.Oci;

public sealed partial class OciRegistryClient
{
    /// <summary>
    /// All tags of <paramref name="repository"/>, following the registry's pagination (Link headers).
    /// An unknown repository has no tags (empty list).
    /// </summary>
    public async Task<IReadOnlyList<string>> ListTagsAsync(string repository, CancellationToken cancellationToken = default)
    {
        OciNames.ValidateRepository(repository);
        var tags = new List<string>();
        var next = RepositoryUri(repository, _options.TagPageSize is { } size ? $"tags/list?n={size}" : "tags/list");
        while (next is not null)
        {
            var page = next;
            using var response = await _transport.SendAsync(
                () => new HttpRequestMessage(HttpMethod.Get, page), repository, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return tags;
            }

            if (!response.IsSuccessStatusCode)
            {
                await _transport.ThrowForAsync(response, $"list the tags of {repository}", cancellationToken).ConfigureAwait(false);
            }

            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.TryGetProperty("tags", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                tags.AddRange(list.EnumerateArray().Select(t => t.GetString()!));
            }

            next = NextPage(response);
        }

        return tags;
    }

    /// <summary>The URI in a <c>Link: &lt;…&gt;; rel="next"</c> header, or null on the last page.</summary>
    private Uri? NextPage(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Link", out var links))
        {
            return null;
        }

        foreach (var link in links)
        {
            var start = link.IndexOf('<');
            var end = link.IndexOf('>');
            if (start >= 0 && end > start && link.Contains("rel=\"next\"", StringComparison.Ordinal))
            {
                return new Uri(Address.BaseUri, link[(start + 1)..end]);
            }
        }

        return null;
    }
}
