using System.Net;

namespace Release.Oci.Tests.Support;

internal sealed partial class TokenAuthFront
{
    private static readonly string[] ForwardedResponseHeaders =
        ["Docker-Content-Digest", "Docker-Upload-UUID", "Range", "Link", "Docker-Distribution-API-Version"];

    /// <summary>Sends the request on to the registry and copies the answer back, rewriting Location to this front.</summary>
    private async Task ForwardAsync(HttpListenerContext context)
    {
        var incoming = context.Request;
        var query = incoming.Url!.Query;
        if (IgnoreMounts && incoming.HttpMethod == "POST" && query.Contains("mount=", StringComparison.Ordinal))
        {
            query = string.Empty; // behave like a registry that declines cross-repository mounts
        }

        forwarded.Enqueue($"{incoming.HttpMethod} {incoming.Url.AbsolutePath}");
        using var request = new HttpRequestMessage(new HttpMethod(incoming.HttpMethod), backendBase + incoming.Url.AbsolutePath + query);
        if (incoming.HasEntityBody || incoming.HttpMethod is "PUT" or "PATCH")
        {
            using var body = new MemoryStream();
            await incoming.InputStream.CopyToAsync(body).ConfigureAwait(false);
            request.Content = new ByteArrayContent(body.ToArray());
            if (incoming.ContentType is { } contentType)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }

            if (incoming.Headers["Content-Range"] is { } range)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Range", range);
            }
        }

        if (incoming.Headers["Accept"] is { } accept)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        using var response = await backend.SendAsync(request).ConfigureAwait(false);
        var outgoing = context.Response;
        outgoing.StatusCode = (int)response.StatusCode;
        foreach (var name in ForwardedResponseHeaders)
        {
            if (response.Headers.TryGetValues(name, out var values))
            {
                outgoing.AddHeader(name, string.Join(",", values));
            }
        }

        if (response.Headers.Location is { } location)
        {
            var text = location.IsAbsoluteUri ? location.AbsoluteUri : location.OriginalString;
            outgoing.AddHeader("Location", text.Replace(backendBase, $"http://127.0.0.1:{Port}", StringComparison.Ordinal));
        }

        var bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        if (response.Content.Headers.ContentType is { } type)
        {
            outgoing.ContentType = type.ToString();
        }

        if (incoming.HttpMethod == "HEAD")
        {
            return;
        }

        outgoing.ContentLength64 = bytes.Length;
        await outgoing.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
    }
}
