using System.Net.Http.Json;

namespace Release.Delivery.Deploy.Notify;

/// <summary>Posts deployment notices to a Slack incoming webhook. The webhook URL is a secret: it is never logged here.</summary>
public sealed class SlackNotifier(HttpClient http)
{
    /// <summary>Posts the notice; throws <see cref="HttpRequestException"/> when Slack does not answer 2xx.</summary>
    public async Task NotifyAsync(string webhookUrl, DeploymentNotice notice, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync(webhookUrl, SlackMessage.Render(notice), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException($"the webhook answered {(int)response.StatusCode} {response.StatusCode}: {body.Trim()}", null, response.StatusCode);
        }
    }
}
