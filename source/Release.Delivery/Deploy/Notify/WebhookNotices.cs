using Release.Tooling.Http;

namespace Release.Delivery.Deploy.Notify;

/// <summary>
/// Posts a notice to the build's Slack incoming webhook (<c>--slack-webhook</c>) when one is set: the one place
/// deployments, automatic rollbacks and the release train tell the team. A notice that cannot be posted is a warning,
/// never a failure of what it reports.
/// </summary>
public static class WebhookNotices
{
    /// <summary>Posts <paramref name="notice"/>; logs and carries on when no webhook is set or the post fails.</summary>
    /// <param name="build">The build (its webhook and log).</param>
    /// <param name="notice">What to post.</param>
    /// <param name="onFailure">What the warning adds when the post fails, e.g. "the deployment itself succeeded".</param>
    /// <param name="ct">Cancels the post.</param>
    /// <returns>True when Slack accepted the notice.</returns>
    public static async Task<bool> PostAsync(IDeploy build, DeploymentNotice notice, string onFailure, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(build);
        if (build.SlackWebhook is null) return false;
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
            var retry = new HttpRetryPolicy(log: message => build.Log.Information($"Slack notification: {message}"));
            await new SlackNotifier(http, retry).NotifyAsync(build.SlackWebhook, notice, ct).ConfigureAwait(false);
            build.Log.Information("Slack notified");
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or UriFormatException or InvalidOperationException
            && !ct.IsCancellationRequested)
        {
            build.Log.Warning($"The Slack notification failed ({e.Message}); {onFailure}.");
            return false;
        }
    }
}
