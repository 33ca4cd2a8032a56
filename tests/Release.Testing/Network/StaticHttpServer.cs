using System.Net;

namespace Release.Testing.Network;

/// <summary>
/// A real HTTP server on 127.0.0.1 (free port) that serves fixed bytes per path and 404 for anything else: a mirror,
/// a download site. Paths are matched on the raw, still-escaped request path (<c>/Debian%3A12/all.zip</c>).
/// </summary>
public sealed class StaticHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly IReadOnlyDictionary<string, byte[]> _files;
    private readonly Task _loop;
    private readonly List<string> _requested = [];

    private StaticHttpServer(HttpListener listener, int port, IReadOnlyDictionary<string, byte[]> files)
    {
        _listener = listener;
        _files = files;
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        _loop = ServeAsync();
    }

    /// <summary>Root URL, ending in '/'.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The raw paths requested so far, in order.</summary>
    public IReadOnlyList<string> Requested { get { lock (_requested) return _requested.ToArray(); } }

    /// <summary>Starts serving <paramref name="files"/> (raw path, e.g. <c>/NuGet/all.zip</c>, to content).</summary>
    public static StaticHttpServer Start(IReadOnlyDictionary<string, byte[]> files)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort.Next();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return new StaticHttpServer(listener, port, files);
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                listener.Close(); // the port was taken between asking and binding: ask again
            }
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
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
    }

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
