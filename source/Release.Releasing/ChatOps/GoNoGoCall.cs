using Release.Process.Approvals;
using Release.Process.ChatOps;
using Release.Releasing.Approvals;
using Release.Releasing.Common;
using Release.Releasing.Records;

namespace Release.Releasing.ChatOps;

/// <summary>
/// The Go/NoGo call: the release's gate status with a reason box and Go and NoGo buttons (<see cref="GoNoGoMessage"/>),
/// posted to the release channel. The ChatOps endpoint makes it when the gate's voting window opens (at once when it
/// starts inside the window; once when the gate has no window); <c>./build.sh GoNoGoCall</c> makes it on demand.
/// </summary>
internal static class GoNoGoCall
{
    /// <summary>Posts the call now; returns the message's ts.</summary>
    public static async Task<string?> PostAsync(IChatOps build, SlackApi slack, ReleaseSelection selection, GatePolicy gate, CancellationToken ct)
    {
        var records = await RecordsRepository.OpenAsync(build, ct).ConfigureAwait(false);
        await using var recordsDisposal = records.ConfigureAwait(false);
        var record = await new ReleaseRecordStore(records).ReadAsync(selection.Id, ct).ConfigureAwait(false);
        var evidence = await PipelineEvidenceKeys.ReadAsync(build.ReleasePaths, RecordTrust.Trusted(build, record), ct).ConfigureAwait(false);
        var decision = GateEvaluation.Decide(build, gate, record, evidence);
        var ts = await slack.PostMessageAsync(
            build.SlackChannel!.Trim(),
            GoNoGoMessage.Render(decision, selection.Version.ToString(), gate.Window),
            null,
            ct).ConfigureAwait(false);
        build.Log.Information($"ChatOps: posted the Go/NoGo call for {selection.Id} at gate '{gate.Environment}' to channel {build.SlackChannel} " +
                              $"({(decision.Passed ? "passes" : $"{decision.Blockers.Count} blocker(s)")})");
        return ts;
    }

    /// <summary>Makes the call each time the gate's window opens, until <paramref name="ct"/> is cancelled.</summary>
    public static async Task RunAsync(IChatOps build, SlackApi slack, ReleaseSelection selection, GatePolicy gate, CancellationToken ct)
    {
        DateTimeOffset? called = null;
        while (!ct.IsCancellationRequested)
        {
            var now = build.Clock.GetUtcNow();
            var window = gate.Window;
            if (called is null && (window is null || window.Contains(now))
                || window is not null && window.Contains(now) && now - called > window.Closes - window.Opens)
            {
                called = now;
                try { await PostAsync(build, slack, selection, gate, ct).ConfigureAwait(false); }
                // A call that cannot be made (records unreachable, Slack down) is logged; the endpoint keeps taking votes.
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    build.Log.Warning($"ChatOps: the Go/NoGo call for {selection.Id} could not be posted ({e.Message}).");
                }
            }
            var wait = window is null ? Timeout.InfiniteTimeSpan : window.NextOpening(now) - now;
            try { await Task.Delay(wait < TimeSpan.FromSeconds(1) && wait != Timeout.InfiniteTimeSpan ? TimeSpan.FromSeconds(1) : wait, ct)
                .ConfigureAwait(false); }
            catch (OperationCanceledException) { return; }
        }
    }
}
