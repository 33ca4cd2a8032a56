using Release.Process.ChatOps;
using Release.Releasing.Common;
using Release.Tooling.Http;

namespace Release.Releasing.ChatOps;

/// <summary>
/// The release channel as the release commands use it: the Slack Web API client of <c>--slack-bot-token</c> and
/// <c>--slack-api-url</c>, and the publishing reports (promotions, rollbacks, evidence) posted to <c>--slack-channel</c>.
/// A report is a courtesy: without a token and channel nothing is posted, and a failure is a warning, never a failed release.
/// </summary>
internal static class ReleaseChannel
{
    /// <summary>Slack's Web API when <c>--slack-api-url</c> is not given.</summary>
    public const string DefaultApiUrl = "https://slack.com/api/";

    /// <summary>The HTTP client the Slack calls go through.</summary>
    public static HttpClient Client() => new() { Timeout = TimeSpan.FromSeconds(15) };

    /// <summary>The Slack API of this build's parameters.</summary>
    public static SlackApi Api(IChatOps build, HttpClient http)
    {
        var text = string.IsNullOrWhiteSpace(build.SlackApiUrl) ? DefaultApiUrl : build.SlackApiUrl.Trim();
        if (!Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var api) || api.Scheme is not ("https" or "http"))
            throw new Engine.BuildInputException($"--slack-api-url '{text}' is not an http(s) URL. Leave it out for Slack's own ({DefaultApiUrl}).");
        return new SlackApi(http, api, build.SlackBotToken, new HttpRetryPolicy(log: message => build.Log.Information($"Slack: {message}")));
    }

    /// <summary>Posts a report to the release channel when the build has ChatOps, a bot token and a channel.</summary>
    public static async Task ReportAsync(IReleaseProcess build, string title, IEnumerable<(string Name, string Value)> fields, CancellationToken ct)
    {
        if (build is not IChatOps chat || string.IsNullOrWhiteSpace(chat.SlackBotToken) || string.IsNullOrWhiteSpace(chat.SlackChannel)) return;
        try
        {
            using var http = Client();
            await Api(chat, http).PostMessageAsync(chat.SlackChannel.Trim(), ReleaseReportMessage.Render(title, fields), null, ct)
                .ConfigureAwait(false);
            build.Log.Information($"Reported to Slack channel {chat.SlackChannel.Trim()}: {title}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or Engine.BuildInputException && !ct.IsCancellationRequested)
        {
            build.Log.Warning($"The Slack report '{title}' could not be posted ({e.Message}); the release step itself succeeded.");
        }
    }
}
