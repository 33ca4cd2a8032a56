namespace Release.Delivery.Verify;

/// <summary>
/// An open-loop HTTP load generator (the semantics of wrk2, which Debian does not package): request <c>i</c> is due at
/// <c>i / rate</c> seconds after the start whatever happened to the earlier ones, and its latency is measured from that
/// intended time, not from when it actually left. A closed-loop tool (wrk, hey, autocannon) waits for answers before
/// sending more, so a server that stalls is simply asked less and the stall never appears in its percentiles
/// ("coordinated omission"); here a stall delays every request due during it, and each of them reports it.
/// </summary>
/// <param name="http">The client; its connection pool should allow enough connections for the rate (see <see cref="CreateClient"/>).</param>
/// <param name="time">The clock; <see cref="TimeProvider.System"/> outside tests.</param>
public sealed class OpenLoopLoadGenerator(HttpClient http, TimeProvider time)
{
    /// <summary>A client for load: no cookies, no redirects, a generous connection pool, the profile's timeout per request.</summary>
    /// <param name="profile">The profile whose timeout applies.</param>
    public static HttpClient CreateClient(LoadProfile profile) => new(new SocketsHttpHandler
    {
        UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    })
    { Timeout = profile.RequestTimeout };

    /// <summary>Applies the profile's load to <paramref name="baseUrl"/> and returns one sample per request, in schedule order.</summary>
    /// <param name="baseUrl">The environment's URL.</param>
    /// <param name="profile">Path, rate and duration.</param>
    /// <param name="ct">Cancels the run (requests in flight are abandoned).</param>
    public async Task<IReadOnlyList<LoadSample>> RunAsync(string baseUrl, LoadProfile profile, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var url = new Uri(baseUrl.TrimEnd('/') + profile.Path);
        for (var i = 0; i < profile.WarmUpRequests; i++)
            await SendAsync(url, TimeSpan.Zero, time.GetTimestamp(), ct).ConfigureAwait(false);

        var count = profile.Requests;
        var interval = TimeSpan.FromSeconds(1 / profile.Rate);
        var inFlight = new Task<LoadSample>[count];
        var start = time.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var intended = interval * i;
            var wait = intended - time.GetElapsedTime(start);
            if (wait > TimeSpan.Zero) await Task.Delay(wait, time, ct).ConfigureAwait(false);
            // Not awaited here: the schedule never waits for an answer.
            inFlight[i] = SendAsync(url, intended, start, ct);
        }
        return await Task.WhenAll(inFlight).ConfigureAwait(false);
    }

    private async Task<LoadSample> SendAsync(Uri url, TimeSpan intended, long start, CancellationToken ct)
    {
        await Task.Yield();
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
            var latency = time.GetElapsedTime(start) - intended;
            var status = (int)response.StatusCode;
            return new LoadSample(intended, latency, status, response.IsSuccessStatusCode ? null : $"HTTP {status}");
        }
        catch (HttpRequestException e)
        {
            return new LoadSample(intended, time.GetElapsedTime(start) - intended, 0, e.HttpRequestError.ToString());
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return new LoadSample(intended, time.GetElapsedTime(start) - intended, 0, "timeout");
        }
    }
}
