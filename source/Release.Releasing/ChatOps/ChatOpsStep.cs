using Release.Releasing.Approvals;
using Release.Releasing.Common;
using Release.Releasing.Records;

namespace Release.Releasing.ChatOps;

/// <summary>
/// What the ChatOps target does: checks the relay key and the address, listens until stopped, and makes the Go/NoGo
/// call to the release channel when the voting window opens (when a release, a bot token and a channel are given).
/// </summary>
internal sealed class ChatOpsStep(IChatOps build)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var prefix = ChatOpsEndpoint.Prefix(build.Listen!);
        RecordTrust.CheckConfiguration(build);
        var relay = await People.RelayAsync(build, "ChatOps", ct).ConfigureAwait(false);
        var environment = string.IsNullOrWhiteSpace(build.Environment) ? "production" : build.Environment.Trim();
        var gate = GateEvaluation.Find(build, environment);
        ReleaseSelection? release = null;
        try { release = await ReleaseSelection.ResolveAsync(build, ct).ConfigureAwait(false); }
        catch (ReleaseRefusedException) { build.Log.Information("ChatOps: no --release; each request names its release (the Go/NoGo buttons do)."); }

        using var http = ReleaseChannel.Client();
        var slack = ReleaseChannel.Api(build, http);
        var handler = new ChatOpsRequestHandler(build, slack, relay, release);
        await using (ChatOpsEndpoint.Start(prefix, handler, build))
        {
            build.Log.Information($"ChatOps: listening on {prefix} for release {release?.Id ?? "(named per request)"} at gate '{environment}'; " +
                $"votes are signed by the relay {relay.Name}. " +
                                  "Point the Slack app's Interactivity and /release command Request URLs at it (through HTTPS). Stop with Ctrl+C.");
            var calls = release is not null && slack.CanPost && !string.IsNullOrWhiteSpace(build.SlackChannel)
                ? GoNoGoCall.RunAsync(build, slack, release, gate, ct)
                : Task.CompletedTask;
            try
            {
                await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
            try { await calls.ConfigureAwait(false); }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { } // a call cut short by the stop

        }
        build.Log.Information("ChatOps: stopped.");
    }
}
