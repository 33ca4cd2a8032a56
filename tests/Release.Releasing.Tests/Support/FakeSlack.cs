using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Release.Testing.Network;

namespace Release.Releasing.Tests.Support;

/// <summary>A request the fake Slack received: path, Authorization header and body.</summary>
public sealed record SlackCall(string Path, string? Authorization, string Body)
{
    /// <summary>The body as JSON.</summary>
    public JsonNode Json => JsonNode.Parse(Body)!;
}

/// <summary>
/// Slack's side for the ChatOps tests, on a real loopback HTTP server: the Web API's <c>chat.postMessage</c> (under
/// <c>/api/</c>, answering <c>ok</c> with a message ts) and the interactions' response URLs (<c>/respond/ID</c>).
/// </summary>
public sealed class FakeSlack : IAsyncDisposable
{
    public const string MessageTs = "1764066660.000100";
    private readonly LoopbackHttpServer _server;
    private readonly ConcurrentQueue<SlackCall> _calls = new();
    private readonly Channel<SlackCall> _arrivals = Channel.CreateUnbounded<SlackCall>();

    public FakeSlack() => _server = LoopbackHttpServer.Start(async context =>
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var call = new SlackCall(context.Request.Url!.AbsolutePath, context.Request.Headers["Authorization"], await reader.ReadToEndAsync());
        _calls.Enqueue(call);
        var answer = call.Path.StartsWith("/api/", StringComparison.Ordinal) ? $$"""{"ok":true,"channel":"CREL0001","ts":"{{MessageTs}}"}""" : "ok";
        var bytes = Encoding.UTF8.GetBytes(answer);
        context.Response.ContentType = "application/json";
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
        await _arrivals.Writer.WriteAsync(call);
    });

    /// <summary>The Web API base to pass as --slack-api-url.</summary>
    public string ApiUrl => new Uri(_server.BaseUrl, "api/").ToString();

    /// <summary>A fresh response URL for one interaction.</summary>
    public string NewResponseUrl() => new Uri(_server.BaseUrl, $"respond/{Guid.NewGuid():N}").ToString();

    /// <summary>Every call so far.</summary>
    public IReadOnlyList<SlackCall> Calls => _calls.ToArray();

    /// <summary>Waits for the first call (already made or to come) that <paramref name="match"/> accepts.</summary>
    public async Task<SlackCall> WaitForAsync(Func<SlackCall, bool> match, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        if (_calls.FirstOrDefault(match) is { } already) return already;
        try
        {
            while (true)
            {
                var call = await _arrivals.Reader.ReadAsync(cancel.Token);
                if (match(call)) return call;
                if (_calls.FirstOrDefault(match) is { } seen) return seen;
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("Slack was never called as expected; calls: " + string.Join(" | ", _calls.Select(c => $"{c.Path} {c.Body}")));
        }
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
