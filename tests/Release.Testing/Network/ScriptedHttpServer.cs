using System.Diagnostics;
using System.Net;

namespace Release.Testing.Network;

/// <summary>One scripted answer of a <see cref="ScriptedHttpServer"/>.</summary>
/// <param name="Status">The status code.</param>
/// <param name="Body">The body text.</param>
/// <param name="RetryAfter">The <c>Retry-After</c> header value, e.g. <c>1</c> or an HTTP date; null for none.</param>
public sealed record ScriptedAnswer(HttpStatusCode Status, string Body = "", string? RetryAfter = null)
{
    /// <summary>Binary content sent instead of <see cref="Body"/> (an archive); null to send the body text.</summary>
    public byte[]? Content { get; init; }
}

/// <summary>A request a <see cref="ScriptedHttpServer"/> received.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The raw path and query.</param>
/// <param name="Body">The request body text.</param>
/// <param name="At">When it arrived, on a monotonic clock (time since the server started).</param>
public sealed record ScriptedRequest(string Method, string Path, string Body, TimeSpan At);

/// <summary>
/// A real HTTP server on 127.0.0.1 (free port) that answers every request with the next scripted answer, repeating the
/// last one when the script runs out: a rate-limited webhook (429 with Retry-After, then 200), a flaky mirror.
/// </summary>
public sealed class ScriptedHttpServer : IAsyncDisposable
{
    private readonly IReadOnlyList<ScriptedAnswer> _script;
    private readonly List<ScriptedRequest> _received = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly LoopbackHttpServer _server;

    private ScriptedHttpServer(IReadOnlyList<ScriptedAnswer> script)
    {
        _script = script;
        _server = LoopbackHttpServer.Start(AnswerAsync);
    }

    /// <summary>Root URL, ending in '/'.</summary>
    public Uri BaseUrl => _server.BaseUrl;

    /// <summary>The requests received so far, in order.</summary>
    public IReadOnlyList<ScriptedRequest> Received { get { lock (_received) return _received.ToArray(); } }

    /// <summary>Starts answering with <paramref name="script"/> (at least one answer).</summary>
    public static ScriptedHttpServer Start(params ScriptedAnswer[] script)
    {
        if (script.Length == 0) throw new ArgumentException("The script needs at least one answer.", nameof(script));
        return new ScriptedHttpServer(script);
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        string body;
        using (var reader = new StreamReader(context.Request.InputStream)) body = await reader.ReadToEndAsync();
        ScriptedAnswer answer;
        lock (_received)
        {
            answer = _script[Math.Min(_received.Count, _script.Count - 1)];
            _received.Add(new ScriptedRequest(context.Request.HttpMethod, context.Request.RawUrl ?? "/", body, _clock.Elapsed));
        }
        using var response = context.Response;
        response.StatusCode = (int)answer.Status;
        if (answer.RetryAfter is not null) response.AddHeader("Retry-After", answer.RetryAfter);
        var bytes = answer.Content ?? System.Text.Encoding.UTF8.GetBytes(answer.Body);
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
    }

    /// <summary>Stops the server.</summary>
    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
