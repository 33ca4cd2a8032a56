using Release.Engine;
using Release.Process.Approvals;
using Release.Releasing.Common;
using Release.Releasing.Records;

namespace Release.Releasing.Approvals;

/// <summary>
/// What the Vote target does: checks the vote with <see cref="VoteAdmission"/> against the newest record (again
/// after a concurrent push), appends it, commits and pushes. A refused vote changes nothing.
/// </summary>
internal sealed class VoteStep(IGoNoGo build)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var selection = await ReleaseSelection.ResolveAsync(build, ct);
        var environment = build.Environment is null ? "production" : build.Environment.Trim();
        var gate = GateEvaluation.Find(build, environment);
        if (build.IgnoreWindow)
        {
            if (GateEvaluation.IsProductionLike(build, environment))
                throw new ReleaseRefusedException(
                    $"Vote on release {selection.Id}: --ignore-window is not allowed for '{environment}' (it accepts only blessed releases). " +
                    $"Vote inside the window {gate.Window}, or change the window in the build definition through review.");
            build.Log.Warning($"--ignore-window: the voting window {gate.Window} of '{environment}' is not applied to this vote.");
            gate = GateEvaluation.WithoutWindow(gate);
        }
        var role = gate.RequiredRoles.FirstOrDefault(r => Normalize(r.Name) == Normalize(build.Role!)) ?? ParseRole(build.Role!, gate);
        var decision = Normalize(build.Decision!) switch
        {
            "go" => VoteDecision.Go,
            "nogo" => VoteDecision.NoGo,
            _ => throw new BuildInputException($"Vote on release {selection.Id}: --decision '{build.Decision}' is not go or nogo: pass --decision go or --decision nogo."),
        };
        var reason = build.Reason?.Trim() ?? "";
        SecretGuard.Check(build, reason, $"The reason of the vote on release {selection.Id}");
        var voter = await People.ActorAsync(build, $"Vote on release {selection.Id}", ct, personOnly: true);
        SecretGuard.Check(build, voter, $"The voter of the vote on release {selection.Id}");

        await using var records = await RecordsRepository.OpenAsync(build, ct);
        var store = new ReleaseRecordStore(records);
        ReleaseRecord? after = null;
        await store.UpdateAsync(selection.Id, voter, $"{decision} by {voter} as {role} at '{environment}'", existing =>
        {
            var record = existing ?? throw new ReleaseRefusedException(
                $"Vote: release {selection.Id} has no record in {records.Shown}. Check --release, or open it with OpenRelease first.");
            var trusted = RecordTrust.Trusted(build, record);
            var vote = new Vote(selection.Id, environment, role, voter, decision, reason, build.Clock.GetUtcNow());
            if (new VoteAdmission(build.Clock).Check(vote, trusted.ToCandidate([]), gate, trusted.Votes()) is { } refusal)
                throw new ReleaseRefusedException($"{refusal.Message} (refused: {refusal.Reason}; nothing was recorded)");
            return after = record.Append(new VoteCast(vote.CastAt, environment, role.Name, voter, decision, reason));
        }, ct);

        build.Log.Information($"Recorded {decision} by {voter} as {role} on release {selection.Id} at gate '{environment}' in {records.Shown}");
        var evidence = await PipelineEvidenceKeys.ReadAsync(build.ReleasePaths, RecordTrust.Trusted(build, after!), ct);
        var status = GateEvaluation.Decide(build, GateEvaluation.Find(build, environment), after!, evidence);
        build.Log.Information(status.Passed ? $"Gate '{environment}' passes." : $"Gate '{environment}' still blocked:\n- " + string.Join("\n- ", status.Blockers));
        build.ReportSummary("vote", $"{decision} {role} {voter}");
    }

    private static ApprovalRole ParseRole(string text, GatePolicy gate)
    {
        try { return new ApprovalRole(text.Trim()); }
        catch (ArgumentException e)
        {
            throw new BuildInputException($"--role '{text}': {e.Message} Roles at gate '{gate.Environment}': {string.Join(", ", gate.RequiredRoles)}.");
        }
    }

    internal static string Normalize(string text) => new(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
