using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Release.Testing.NuGetAudit;

/// <summary>
/// A real NuGet V3 audit source on 127.0.0.1 (free port): a service index with a <c>VulnerabilityInfo/6.7.0</c>
/// resource, a vulnerability index and two pages ("base" with the given advisories, "update" empty). The same
/// endpoint works for this library's NuGet audit reader and for <c>dotnet restore</c> with <c>&lt;auditSources&gt;</c>.
/// With <c>publishVulnerabilityInfo: false</c> the service index has no vulnerability resource, like a feed that
/// publishes no advisory data.
/// </summary>
public sealed class NuGetAuditSourceServer : IAsyncDisposable
{
    private const string Updated = "2024-01-01T00:00:00Z";
    private readonly HttpListener _listener;
    private readonly IReadOnlyList<NuGetAuditAdvisory> _advisories;
    private readonly bool _publishVulnerabilityInfo;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _requestCount;

    private NuGetAuditSourceServer(HttpListener listener, int port, IReadOnlyList<NuGetAuditAdvisory> advisories, bool publishVulnerabilityInfo)
    {
        _listener = listener;
        _advisories = advisories;
        _publishVulnerabilityInfo = publishVulnerabilityInfo;
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        _loop = ServeAsync();
    }

    /// <summary>Root URL of the server, ending in '/'.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The service index URL to configure as an audit source.</summary>
    public Uri ServiceIndexUrl => new(BaseUrl, "v3/index.json");

    /// <summary>How many HTTP requests the server has answered (shows that a client really asked it).</summary>
    public int RequestCount => Volatile.Read(ref _requestCount);

    /// <summary>Starts a server on a free loopback port.</summary>
    /// <param name="advisories">Advisories to publish; the known GHSA-5crp-9r3c-p9vr when null.</param>
    /// <param name="publishVulnerabilityInfo">False to serve a service index without vulnerability data.</param>
    public static NuGetAuditSourceServer Start(IReadOnlyList<NuGetAuditAdvisory>? advisories = null, bool publishVulnerabilityInfo = true)
    {
        advisories ??= [NuGetAuditAdvisory.NewtonsoftJsonGhsa5crp];
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return new NuGetAuditSourceServer(listener, port, advisories, publishVulnerabilityInfo);
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                // Another process took the port between probing and binding; try another.
                listener.Close();
            }
        }
    }

    /// <summary>A nuget.config that uses this server as the only audit source (plain HTTP allowed).</summary>
    public string NuGetConfigXml() =>
        $"""
         <?xml version="1.0" encoding="utf-8"?>
         <configuration>
           <auditSources>
             <clear />
             <add key="loopback-audit" value="{ServiceIndexUrl}" allowInsecureConnections="true" />
           </auditSources>
         </configuration>
         """;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
            // Stopping the listener ends the pending GetContextAsync with one of these.
        }

        _listener.Close();
        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var context = await _listener.GetContextAsync();
            Interlocked.Increment(ref _requestCount);
            var (status, body) = Route(context.Request.Url!.AbsolutePath);
            var bytes = Encoding.UTF8.GetBytes(body);
            try
            {
                context.Response.StatusCode = status;
                context.Response.ContentType = "application/json";
                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes, _stop.Token);
                context.Response.Close();
            }
            catch (Exception e) when (e is IOException or HttpListenerException && !_stop.IsCancellationRequested)
            {
                // The client went away mid-response; keep serving the others.
                context.Response.Abort();
            }
        }
    }

    private (int Status, string Body) Route(string path) => path switch
    {
        "/v3/index.json" => (200, ServiceIndex()),
        "/v3/vulnerabilities/index.json" when _publishVulnerabilityInfo => (200, JsonSerializer.Serialize(new object[]
        {
            Page("base"),
            Page("update"),
        })),
        "/v3/vulnerabilities/base.json" when _publishVulnerabilityInfo => (200, BasePage()),
        "/v3/vulnerabilities/update.json" when _publishVulnerabilityInfo => (200, "{}"),
        _ => (404, "{\"error\":\"not found\"}"),
    };

    private string ServiceIndex()
    {
        var resources = new List<Dictionary<string, string>>
        {
            // A resource unrelated to vulnerabilities, so the "no data" index is still a plausible service index.
            new() { ["@id"] = new Uri(BaseUrl, "v3/search").ToString(), ["@type"] = "SearchQueryService/3.5.0" },
        };
        if (_publishVulnerabilityInfo)
        {
            resources.Add(new()
            {
                ["@id"] = new Uri(BaseUrl, "v3/vulnerabilities/index.json").ToString(),
                ["@type"] = "VulnerabilityInfo/6.7.0",
                ["comment"] = "Known package vulnerabilities (test fixture).",
            });
        }

        return JsonSerializer.Serialize(new Dictionary<string, object> { ["version"] = "3.0.0", ["resources"] = resources });
    }

    private Dictionary<string, string> Page(string name) => new()
    {
        ["@name"] = name,
        ["@id"] = new Uri(BaseUrl, $"v3/vulnerabilities/{name}.json").ToString(),
        ["@updated"] = Updated,
    };

    private string BasePage() => JsonSerializer.Serialize(_advisories
        .GroupBy(a => a.PackageId.ToLowerInvariant())
        .ToDictionary(g => g.Key, g => g.Select(a => new Dictionary<string, object>
        {
            ["severity"] = a.Severity,
            ["url"] = a.Url,
            ["versions"] = a.Versions,
        }).ToList()));

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
