using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Release.Tooling.Http;

namespace Release.Releasing.ChatOps;

/// <summary>
/// The two ways the endpoint talks back to Slack: the Web API's <c>chat.postMessage</c> (bot token, to the release
/// channel or a thread of it) and an interaction's <c>response_url</c> (no token; ephemeral answers to the one user).
/// Transient failures are retried (<see cref="HttpRetryPolicy"/>). The token is never logged or put in a message.
/// </summary>
/// <param name="http">The client.</param>
/// <param name="apiBase">The Web API base, e.g. <c>https://slack.com/api/</c>.</param>
/// <param name="botToken">The bot token, or null when none was given (then nothing is posted to the channel).</param>
/// <param name="retry">The retry policy.</param>
internal sealed class SlackApi(HttpClient http, Uri apiBase, string? botToken, HttpRetryPolicy retry)
{
    /// <summary>True when a bot token was given, so the channel can be posted to.</summary>
    public bool CanPost => !string.IsNullOrWhiteSpace(botToken);

    /// <summary>Posts <paramref name="message"/> to <paramref name="channel"/> (in a thread when <paramref name="threadTs"/> is given); returns the
    /// message's ts.</summary>
    /// <exception cref="HttpRequestException">Slack refused (its error named) or did not answer.</exception>
    public async Task<string?> PostMessageAsync(string channel, JsonObject message, string? threadTs, CancellationToken ct)
    {
        if (!CanPost) throw new InvalidOperationException("no Slack bot token (--slack-bot-token) is given");
        var body = (JsonObject)message.DeepClone();
        body["channel"] = channel;
        if (threadTs is not null) body["thread_ts"] = threadTs;
        using var response = await retry.SendAsync(token =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, new Uri(apiBase, "chat.postMessage"))
            {
                Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", botToken);
            return http.SendAsync(request, token);
        }, ct).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        JsonNode? answer = null;
        try { answer = JsonNode.Parse(text); }
        catch (System.Text.Json.JsonException) { }
        if (!response.IsSuccessStatusCode || answer?["ok"]?.GetValue<bool>() != true)
            throw new HttpRequestException(
                $"chat.postMessage answered {(int)response.StatusCode}: {answer?["error"]?.ToString() ?? "not Slack's answer"}");
        return answer["ts"]?.ToString();
    }

    /// <summary>Answers an interaction through its <c>response_url</c>.</summary>
    /// <exception cref="HttpRequestException">The URL is not an HTTPS (or loopback) URL, or Slack did not accept it.</exception>
    public async Task RespondAsync(string responseUrl, JsonObject message, CancellationToken ct)
    {
        if (!Uri.TryCreate(responseUrl, UriKind.Absolute, out var url)
            || !(url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp && url.IsLoopback))
            throw new HttpRequestException("the interaction's response_url is not an https URL");
        using var response = await retry.SendAsync(token =>
            http.PostAsync(url, new StringContent(message.ToJsonString(), Encoding.UTF8, "application/json"), token), ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"the response_url answered {(int)response.StatusCode}");
    }
}
