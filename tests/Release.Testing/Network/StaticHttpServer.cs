using System.Net;

namespace Release.Testing.Network;

/// <summary>
/// A real HTTP server on 127.0.0.1 (free port) that serves fixed bytes per path and 404 for anything else: a mirror,
/// a download site. Paths are matched on the raw, still-escaped request path (<c>/Debian%3A12/all.zip</c>).
/// </summary>
public sealed class StaticHttpServer : IAsyncDisposable
{
    private readonly IReadOnlyDictionary<string, byte[]> _files;
    private readonly List<string> _requested = [];
    private readonly LoopbackHttpServer _server;

    private StaticHttpServer(IReadOnlyDictionary<string, byte[]> files)
    {
        _files = files;
        _server = LoopbackHttpServer.Start(ServeAsync);
    }

    /// <summary>Root URL, ending in '/'.</summary>
    public Uri BaseUrl => _server.BaseUrl;

    /// <summary>The raw paths requested so far, in order.</summary>
    public IReadOnlyList<string> Requested { get { lock (_requested) return _requested.ToArray(); } }

    /// <summary>Starts serving <paramref name="files"/> (raw path, e.g. <c>/NuGet/all.zip</c>, to content).</summary>
    public static StaticHttpServer Start(IReadOnlyDictionary<string, byte[]> files) => new(files);

    private async Task ServeAsync(HttpListenerContext context)
    {
        var path = context.Request.RawUrl ?? "/";
        lock (_requested) _requested.Add(path);
        using var response = context.Response;
        if (_files.TryGetValue(path, out var content))
        {
            response.StatusCode = 200;
            response.ContentLength64 = content.Length;
            await response.OutputStream.WriteAsync(content);
        }
        else
        {
            response.StatusCode = 404;
        }
    }

    /// <summary>Stops the server.</summary>
    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
