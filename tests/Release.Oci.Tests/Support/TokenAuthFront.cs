using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Release.Oci.Server;

namespace Release.Oci.Tests.Support;

/// <summary>
/// A real HTTP server on 127.0.0.1 in front of a real registry: it demands Bearer tokens (issued by its own
/// <c>/token</c> endpoint for one user and password, like a registry's token service) and forwards authorised
/// requests to the registry. It can also answer the first N registry requests with 503 and ignore mount requests,
/// to exercise the client's retry and mount-fallback paths against a real server; or demand Basic credentials instead.
/// </summary>
internal sealed partial class TokenAuthFront : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly HttpClient backend = new();
    private readonly ConcurrentDictionary<string, byte> issuedTokens = new();
    private readonly ConcurrentQueue<string> tokenRequests = new();
    private readonly ConcurrentQueue<string> forwarded = new();
    private readonly string backendBase;
    private readonly string user;
    private readonly string password;
    private readonly Task loop;
    private int failuresLeft;
    private int injectedFailures;

    public TokenAuthFront(
        string backendAddress, string user, string password, int failFirstRequests = 0, bool ignoreMounts = false, bool basicOnly = false)
    {
        backendBase = "http://" + backendAddress.Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
        this.user = user;
        this.password = password;
        failuresLeft = failFirstRequests;
        IgnoreMounts = ignoreMounts;
        BasicOnly = basicOnly;
        Port = FreeTcpPort();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        loop = Task.Run(AcceptLoopAsync);
    }

    public int Port { get; }

    /// <summary>The address clients use (loopback, so plain HTTP).</summary>
    public string Address => $"127.0.0.1:{Port}";

    public bool IgnoreMounts { get; }

    /// <summary>When true the front demands Basic credentials on every request instead of Bearer tokens.</summary>
    public bool BasicOnly { get; }

    /// <summary>The query string of every token request, in order.</summary>
    public IReadOnlyList<string> TokenRequests => tokenRequests.ToArray();

    /// <summary>Every request passed on to the registry, as <c>METHOD /path</c>.</summary>
    public IReadOnlyList<string> Forwarded => forwarded.ToArray();

    /// <summary>How many registry requests were answered 503 on purpose.</summary>
    public int InjectedFailures => Volatile.Read(ref injectedFailures);

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        try
        {
            await loop.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
        {
            // Stopping the listener ends the accept loop this way.
        }

        backend.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            var path = context.Request.Url!.AbsolutePath;
            if (path == "/token")
            {
                AnswerToken(context);
            }
            else if (Interlocked.Decrement(ref failuresLeft) >= 0)
            {
                Interlocked.Increment(ref injectedFailures);
                context.Response.StatusCode = 503;
            }
            else if (!IsAuthorised(context.Request))
            {
                Challenge(context, path);
            }
            else
            {
                await ForwardAsync(context).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            context.Response.StatusCode = 500;
            await context.Response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(ex.Message)).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Close();
        }
    }

    private void AnswerToken(HttpListenerContext context)
    {
        tokenRequests.Enqueue(context.Request.Url!.Query);
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
        if (context.Request.Headers["Authorization"] != expected)
        {
            context.Response.StatusCode = 401;
            return;
        }

        var token = "tok-" + Guid.NewGuid().ToString("N");
        issuedTokens[token] = 0;
        var body = Encoding.UTF8.GetBytes($$"""{"token":"{{token}}","expires_in":300}""");
        context.Response.ContentType = "application/json";
        context.Response.ContentLength64 = body.Length;
        context.Response.OutputStream.Write(body);
    }

    private bool IsAuthorised(HttpListenerRequest request)
    {
        var header = request.Headers["Authorization"];
        if (BasicOnly)
        {
            return header == "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
        }

        return header is not null && header.StartsWith("Bearer ", StringComparison.Ordinal)
               && issuedTokens.ContainsKey(header["Bearer ".Length..]);
    }

    private void Challenge(HttpListenerContext context, string path)
    {
        var match = RepositoryInPath().Match(path);
        var scope = match.Success ? $",scope=\"repository:{match.Groups[1].Value}:pull,push\"" : string.Empty;
        context.Response.StatusCode = 401;
        if (BasicOnly)
        {
            context.Response.AddHeader("WWW-Authenticate", "Basic realm=\"release-test\"");
            return;
        }

        context.Response.AddHeader("WWW-Authenticate", $"Bearer realm=\"http://127.0.0.1:{Port}/token\",service=\"release-test\"{scope}");
    }

    private static int FreeTcpPort()
    {
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    [GeneratedRegex("^/v2/(.+?)/(blobs|manifests|tags)/")]
    private static partial Regex RepositoryInPath();
}
