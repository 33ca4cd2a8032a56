using Release.Engine;
using Release.Releasing.Approvals;

namespace Release.Releasing.ChatOps;

/// <summary>
/// ChatOps on Slack: <c>./build.sh ChatOps --listen 127.0.0.1:8080</c> runs the endpoint Slack calls for the Go/NoGo
/// message's buttons and the <c>/release status|go|nogo [VERSION] [REASON]</c> slash command. Every request's Slack
/// signature is checked (signing secret, five-minute timestamp, no replays); the Slack user is mapped to a voter through
/// the gate's roster (<c>slack=</c> on their line) and the vote recorded through the same code path and rules as
/// <c>./build.sh Vote</c>, signed with the ChatOps relay key (<c>chatops</c> on the roster). At the voting window's opening
/// the endpoint posts the release's gate status with Go and NoGo buttons to <c>--slack-channel</c>; promotions,
/// rollbacks and evidence are posted there too. See docs/release-process.md, "ChatOps on Slack".
/// </summary>
public interface IChatOps : IGoNoGo
{
    /// <summary>The address the endpoint listens on, <c>HOST:PORT</c> (e.g. <c>127.0.0.1:8080</c> behind a TLS proxy).</summary>
    [Parameter("ChatOps: address the Slack endpoint listens on, HOST:PORT (e.g. 127.0.0.1:8080, behind the HTTPS proxy Slack calls)"), NotEmpty]
    string? Listen => TryGetValue(() => Listen);

    /// <summary>The Slack app's signing secret: every request's <c>X-Slack-Signature</c> is checked against it.</summary>
    [Parameter("ChatOps: the Slack app's signing secret (Basic Information > App Credentials); requests not signed with it are refused"), Secret]
    string? SlackSigningSecret => TryGetValue(() => SlackSigningSecret);

    /// <summary>The Slack bot token (<c>xoxb-...</c>) that posts to the release channel (chat.postMessage).</summary>
    [Parameter(
        "ChatOps: Slack bot token (xoxb-...) that posts the Go/NoGo call, answers in its thread and posts promotions, rollbacks and " +
            "evidence"), Secret]
    string? SlackBotToken => TryGetValue(() => SlackBotToken);

    /// <summary>The release channel's id (e.g. <c>C0123456789</c>).</summary>
    [Parameter("ChatOps: the release channel's Slack id (e.g. C0123456789), where the Go/NoGo call and release reports are posted"), NotEmpty]
    string? SlackChannel => TryGetValue(() => SlackChannel);

    /// <summary>Slack's Web API base URL (default <c>https://slack.com/api/</c>).</summary>
    [Parameter("ChatOps: Slack Web API base URL (default https://slack.com/api/)"), NotEmpty]
    string? SlackApiUrl => TryGetValue(() => SlackApiUrl);

    /// <summary>The Slack workspace (team id) allowed to call the endpoint; requests from any other are refused.</summary>
    [Parameter("ChatOps: the Slack workspace id (T...) whose requests are accepted (default: any workspace holding the signing secret)"), NotEmpty]
    string? SlackTeam => TryGetValue(() => SlackTeam);

    /// <summary>Runs the endpoint Slack calls until stopped (Ctrl+C).</summary>
    Target ChatOps => _ => _
        .Description(
            "Runs the Slack endpoint (Go/NoGo buttons, /release status|go|nogo) on --listen; posts the Go/NoGo call when the voting window opens")
        .Requires(() => Listen)
        .Requires(() => SlackSigningSecret)
        .Executes(ct => new ChatOpsStep(this).RunAsync(ct));

    /// <summary>Posts the release's gate status with Go and NoGo buttons to the release channel now.</summary>
    Target GoNoGoCall => _ => _
        .Description("Posts --release's gate status with Go and NoGo buttons to --slack-channel now (ChatOps records the clicks)")
        .Requires(() => SlackBotToken)
        .Requires(() => SlackChannel)
        .Executes(ct => new GoNoGoCallStep(this).RunAsync(ct));
}
