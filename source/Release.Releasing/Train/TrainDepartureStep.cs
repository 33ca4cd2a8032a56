using Release.Delivery.Deploy.Notify;
using Release.Process.Train;
using Release.Releasing.Approvals;
using Release.Releasing.Common;
using Release.Releasing.Records;

namespace Release.Releasing.Train;

/// <summary>
/// What the TrainDeparture target does: decides the gate of the release on the train (the votes and evidence that
/// verify, as Bless would), asks <see cref="ReleaseTrainRule"/> whether the train leaves now, and either lets the run
/// go on or stops it with the reason, posted to Slack for a NoGo at release time.
/// </summary>
internal sealed class TrainDepartureStep(IReleaseTrain build)
{
    /// <summary>Who the Slack notice names as having acted.</summary>
    public const string Actor = "release-train";

    public async Task RunAsync(CancellationToken ct)
    {
        ReleaseTrainSchedule schedule;
        try { schedule = build.TrainSchedule; }
        catch (ArgumentException e) { throw new Engine.BuildDefinitionException(
            $"TrainDeparture: {e.Message} (IReleaseTrain.TrainSchedule in the build class)"); }
        var selection = await ReleaseSelection.ResolveAsync(build, ct).ConfigureAwait(false);
        var gate = GateEvaluation.Find(build, build.TrainEnvironment);
        var records = await RecordsRepository.OpenAsync(build, ct).ConfigureAwait(false);
        await using var recordsDisposal = records.ConfigureAwait(false);
        var record = await new ReleaseRecordStore(records).TryReadAsync(selection.Id, ct).ConfigureAwait(false);
        bool passed;
        IReadOnlyList<string> blockers;
        if (record is null)
            (passed, blockers) = (false, [$"{selection.Id} has no release record (run OpenRelease; nobody could vote on it)"]);
        else
        {
            var evidence = await PipelineEvidenceKeys.ReadAsync(build.ReleasePaths, RecordTrust.Trusted(build, record), ct).ConfigureAwait(false);
            var decision = GateEvaluation.Decide(build, gate, record, evidence);
            (passed, blockers) = (decision.Passed, [.. decision.Blockers, .. decision.Refused.Select(r => "refused record: " + r)]);
        }

        var train = ReleaseTrainRule.Decide(schedule, build.Clock.GetUtcNow(), selection.Id, passed, blockers);
        build.Log.Information($"Release train ({schedule}): {train.Verdict}");
        switch (train.Verdict)
        {
            case TrainVerdict.Depart:
                build.Log.Information(train.Reason);
                build.ReportSummary("release train", $"departs with {selection.Id}");
                return;
            case TrainVerdict.NoGo:
                build.ReportSummary("release train", $"NoGo: {selection.Id} stays ({blockers.Count} blocker(s))");
                await NotifyAsync(
                    selection,
                    record?.Created.Commit,
                    $"No release today: {selection.Id} missed the {schedule.DepartsAt:HH\\:mm} train (gate not Go)",
                    train.Reason,
                    ct).ConfigureAwait(false);
                throw new ReleaseRefusedException($"TrainDeparture: {train.Reason}");
            default:
                // Nothing was due, so nothing is posted; the run still fails: it released nothing.
                build.ReportSummary("release train", "not release time");
                throw new ReleaseRefusedException($"TrainDeparture: {train.Reason} Nothing was released.");
        }
    }

    private async Task NotifyAsync(ReleaseSelection selection, string? commit, string title, string reason, CancellationToken ct)
    {
        if (build.SlackWebhook is null)
        {
            build.Log.Information("No --slack-webhook: the team is not told on Slack.");
            return;
        }
        var notice = new DeploymentNotice(
            selection.Module,
            selection.Version.ToString(),
            build.TrainEnvironment,
            commit is { Length: >= 7 } c ? c[..7] : "unknown",
            Actor,
            "")
        {
            Title = title, Detail = reason,
        };
        await WebhookNotices.PostAsync(build, notice, "the train did not depart either way", ct).ConfigureAwait(false);
    }
}
