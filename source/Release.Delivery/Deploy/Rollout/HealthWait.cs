using System.Net.Http;

namespace Release.Delivery.Deploy.Rollout;

/// <summary>
/// Polls a running module's health endpoint until it answers 2xx or a deadline passes; says what it answered last
/// (<c>/health answered 503 "ledger unreachable" for 30 s</c>). Cancellation is honoured between and during polls.
/// </summary>
internal sealed class HealthWait(TimeSpan timeout, TimeSpan pollInterval)
{
    /// <summary>Null once healthy; otherwise why not, for a message that names the module.</summary>
    public async Task<string?> ProblemAsync(string baseUrl, string healthPath, CancellationToken ct)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        var url = new Uri(baseUrl.TrimEnd('/') + healthPath);
        var last = "did not answer";
        try
        {
            while (true)
            {
                try
                {
                    using var response = await client.GetAsync(url, deadline.Token).ConfigureAwait(false);
                    if (response.IsSuccessStatusCode) return null;
                    var body = (await response.Content.ReadAsStringAsync(deadline.Token).ConfigureAwait(false)).ReplaceLineEndings(" ").Trim();
                    last = $"answered {(int)response.StatusCode}" + (body.Length == 0
                        ? ""
                        : $" \"{(body.Length > 300 ? body[..300] + "..." : body)}\"");
                }
                catch (HttpRequestException e)
                {
                    last = $"did not answer ({e.Message})";
                }
                catch (TaskCanceledException) when (!deadline.IsCancellationRequested)
                {
                    last = "did not answer within 5 s";
                }
                await Task.Delay(pollInterval, deadline.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return $"{healthPath} {last} for {timeout.TotalSeconds:0} s";
        }
    }
}
