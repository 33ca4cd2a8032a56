using System.Net;

namespace Release.Testing.Network;

/// <summary>
/// The core every test HTTP server shares: an <see cref="HttpListener"/> on 127.0.0.1 at a free port, a loop that hands
/// each request to a handler, and a stop that waits for the loop. What a server answers is the handler's business.
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Func<HttpListenerContext, Task> _handle;
    private readonly Task _loop;

    private LoopbackHttpServer(HttpListener listener, int port, Func<HttpListenerContext, Task> handle)
    {
        _listener = listener;
        _handle = handle;
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        _loop = ServeAsync();
    }

    /// <summary>Root URL, ending in '/'.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Starts answering every request with <paramref name="handle"/>, which owns the response and must close it.</summary>
    public static LoopbackHttpServer Start(Func<HttpListenerContext, Task> handle)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort.Next();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return new LoopbackHttpServer(listener, port, handle);
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
            await _handle(context);
        }
    }

    /// <summary>Stops the server and waits for the request loop to end.</summary>
    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
