using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace Release.Delivery.Tests.Support;

/// <summary>A real HTTP listener on 127.0.0.1 standing in for Slack's incoming webhook: records each posted body.</summary>
internal sealed class WebhookListener : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<JsonNode> _messages = new();
    private readonly Task _loop;
    private readonly HttpStatusCode _answer;

    public WebhookListener(HttpStatusCode answer = HttpStatusCode.OK)
    {
        _answer = answer;
        var port = FreePort();
        Url = $"http://127.0.0.1:{port}/services/T000/B000/secret-token-{Guid.NewGuid():N}";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>The webhook URL (its path plays the secret token Slack puts there).</summary>
    public string Url { get; }

    public IReadOnlyList<JsonNode> Messages => _messages.ToList();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using (var reader = new StreamReader(context.Request.InputStream))
                _messages.Enqueue(JsonNode.Parse(await reader.ReadToEndAsync())!);
            context.Response.StatusCode = (int)_answer;
            await using (var writer = new StreamWriter(context.Response.OutputStream))
                await writer.WriteAsync(_answer == HttpStatusCode.OK ? "ok" : "invalid_token");
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _loop;
        _listener.Close();
    }
}
