namespace Release.Containers.Running;

/// <summary>Waits for a freshly started service to answer HTTP, failing fast when its container dies meanwhile.</summary>
public static class HttpReadiness
{
    /// <summary>Pause between polls: short, since a .NET app is usually up within a second or two.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Polls <paramref name="url"/> until it answers 2xx. Between polls, <paramref name="stillRunning"/> (if given)
    /// is asked; when it says false, waiting stops at once with the reason.
    /// </summary>
    /// <exception cref="TimeoutException">No 2xx within <paramref name="timeout"/>; names the URL and the last answer.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="stillRunning"/> reported the service gone.</exception>
    public static async Task WaitAsync(
        Uri url,
        TimeSpan timeout,
        Func<CancellationToken, Task<bool>>? stillRunning = null,
        CancellationToken cancellationToken = default)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var last = "no answer yet";
        try
        {
            while (true)
            {
                try
                {
                    using var response = await client.GetAsync(url, deadline.Token).ConfigureAwait(false);
                    if (response.IsSuccessStatusCode)
                        return;
                    last = $"HTTP {(int)response.StatusCode}{await ExcerptAsync(response, deadline.Token).ConfigureAwait(false)}";
                }
                catch (HttpRequestException e)
                {
                    last = e.Message;
                }
                catch (TaskCanceledException) when (!deadline.IsCancellationRequested)
                {
                    last = "request timed out";
                }
                if (stillRunning is not null && !await stillRunning(deadline.Token).ConfigureAwait(false))
                    throw new InvalidOperationException($"The service stopped before {url} answered (last: {last}). Read its container logs.");
                await Task.Delay(PollInterval, deadline.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{url} did not answer 2xx within {timeout.TotalSeconds:0} s (last: {last}).");
        }
    }

    // The start of an unhealthy answer's body says why (e.g. which dependency is unreachable); one line, quoted.
    private static async Task<string> ExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = (await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)).ReplaceLineEndings(" ").Trim();
        if (body.Length == 0) return "";
        return $" \"{(body.Length > 300 ? body[..300] + "..." : body)}\"";
    }
}
