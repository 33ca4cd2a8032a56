using System.Net;
using System.Text;
using Release.Engine;

namespace Release.Releasing.ChatOps;

/// <summary>
/// The HTTP side of the ChatOps endpoint: an <see cref="HttpListener"/> on <c>--listen</c> that reads each request's raw
/// body (the signature covers its exact bytes), hands it to <see cref="ChatOpsRequestHandler"/>, answers at once and then
/// runs the handler's remaining work (recording a vote, answering through Slack). Stopping waits for that work.
/// </summary>
internal sealed class ChatOpsEndpoint : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly ChatOpsRequestHandler _handler;
    private readonly IBuild _build;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _work = [];
    private readonly Lock _lock = new();
    private readonly Task _loop;

    private ChatOpsEndpoint(HttpListener listener, ChatOpsRequestHandler handler, IBuild build)
    {
        _listener = listener;
        _handler = handler;
        _build = build;
        _loop = ServeAsync();
    }

    /// <summary>Starts listening on <paramref name="prefix"/> (an <see cref="HttpListener"/> prefix from <see cref="Prefix"/>).</summary>
    /// <exception cref="BuildInputException">The address cannot be listened on (in use, or not this machine's).</exception>
    public static ChatOpsEndpoint Start(string prefix, ChatOpsRequestHandler handler, IBuild build)
    {
        var listener = new HttpListener();
        listener.Prefixes.Add(prefix);
        try { listener.Start(); }
        catch (HttpListenerException e)
        {
            listener.Close();
            throw new BuildInputException(
                $"--listen: cannot listen on {prefix} ({e.Message}). Pass a free HOST:PORT of this machine, e.g. --listen 127.0.0.1:8080.");
        }
        return new ChatOpsEndpoint(listener, handler, build);
    }

    /// <summary>The listener prefix for <c>--listen HOST:PORT</c> (<c>0.0.0.0</c> or <c>*</c> for every interface).</summary>
    /// <exception cref="BuildInputException">Not HOST:PORT.</exception>
    public static string Prefix(string listen)
    {
        var text = listen.Trim();
        if (text.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) text = text["http://".Length..].TrimEnd('/');
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text[(colon + 1)..], out var port) || port is < 1 or > 65535 || text[..colon].Contains('/'))
            throw new BuildInputException(
                $"--listen '{listen}' is not HOST:PORT. Pass e.g. --listen 127.0.0.1:8080 (Slack reaches it through your HTTPS proxy).");
        var host = text[..colon] is "0.0.0.0" or "*" ? "+" : text[..colon];
        return $"http://{host}:{port}/";
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync().ConfigureAwait(false); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            Track(AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        ChatOpsAnswer answer;
        try
        {
            var body = await ReadAsync(context.Request).ConfigureAwait(false);
            answer = body is null
                ? new ChatOpsAnswer(413, "The request body is too large for a Slack request.")
                : _handler.Handle(context.Request.HttpMethod, context.Request.Url?.AbsolutePath ?? "/", name => context.Request.Headers[name], body);
        }
        catch (Exception e) when (e is HttpListenerException or IOException)
        {
            _build.Log.Warning($"ChatOps: a request could not be read ({e.Message}).");
            return;
        }
        try
        {
            var bytes = Encoding.UTF8.GetBytes(answer.Body);
            context.Response.StatusCode = answer.Status;
            context.Response.ContentType = answer.ContentType;
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
        {
            _build.Log.Warning($"ChatOps: the answer could not be sent ({e.Message}).");
        }
        if (answer.Then is { } then) Track(then(_stopping.Token));
    }

    private static async Task<byte[]?> ReadAsync(HttpListenerRequest request)
    {
        if (request.ContentLength64 > ChatOpsRequestHandler.MaxBody) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.InputStream.ReadAsync(chunk).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > ChatOpsRequestHandler.MaxBody) return null;
        }
        return buffer.ToArray();
    }

    private void Track(Task task)
    {
        lock (_lock)
        {
            _work.RemoveAll(t => t.IsCompleted);
            _work.Add(task);
        }
    }

    /// <summary>Stops listening, then waits for the work already started (answers to Slack, votes being recorded).</summary>
    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop.ConfigureAwait(false);
        Task[] work;
        lock (_lock) work = [.. _work];
        try { await Task.WhenAll(work).WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false); }
        catch (TimeoutException) { await _stopping.CancelAsync().ConfigureAwait(false); }
        catch (OperationCanceledException) { }
        _stopping.Dispose();
    }
}
