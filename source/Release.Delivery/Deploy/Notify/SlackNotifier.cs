using System.Net.Http.Json;
using Release.Tooling.Http;

namespace Release.Delivery.Deploy.Notify;

/// <summary>
/// Posts deployment notices to a Slack incoming webhook, retrying 429 (Slack's rate limit, with Retry-After), 5xx and
/// connection failures through the shared <see cref="HttpRetryPolicy"/>. The webhook URL is a secret: it is never logged here.
/// </summary>
/// <param name="http">The client the post goes through.</param>
/// <param name="retry">The retry policy; null for the shared defaults.</param>
public sealed class SlackNotifier(HttpClient http, HttpRetryPolicy? retry = null)
{
    private readonly HttpRetryPolicy _retry = retry ?? new HttpRetryPolicy();

    /// <summary>Posts the notice; throws <see cref="HttpRequestException"/> when Slack does not answer 2xx after the retries.</summary>
    public async Task NotifyAsync(string webhookUrl, DeploymentNotice notice, CancellationToken cancellationToken = default)
    {
        var message = SlackMessage.Render(notice);
        // A fresh request per attempt: a sent request cannot be sent again.
        using var response = await _retry.SendAsync(ct => http.PostAsJsonAsync(webhookUrl, message, ct), cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new HttpRequestException(
                $"the webhook answered {(int)response.StatusCode} {response.StatusCode}: {body.Trim()}",
                null,
                response.StatusCode);
        }
    }
}
