using Release.Process.Approvals;
using Release.Releasing.Common;
using Release.Releasing.Records;

namespace Release.Releasing.Approvals;

/// <summary>A vote to record, however it was cast (<c>./build.sh Vote</c>, or Slack through the ChatOps endpoint).</summary>
/// <param name="Selection">The release.</param>
/// <param name="Gate">The gate as the vote is admitted (without its window only for <c>--ignore-window</c>).</param>
/// <param name="Role">The role voted in.</param>
/// <param name="Decision">Go or NoGo.</param>
/// <param name="Reason">Why.</param>
/// <param name="Voter">Who votes: the owner of the signing key, or the person the roster maps a Slack user to.</param>
/// <param name="Via">Where a relayed vote came from (<see cref="VoteCast.Via"/>), or null.</param>
internal sealed record VoteRequest(
    ReleaseSelection Selection,
    GatePolicy Gate,
    ApprovalRole Role,
    VoteDecision Decision,
    string Reason,
    string Voter,
    string? Via = null);

/// <summary>A recorded vote and the gate's decision after it.</summary>
/// <param name="Record">The release record with the vote.</param>
/// <param name="Status">The gate's decision now.</param>
/// <param name="Repository">The records repository as shown in messages.</param>
internal sealed record VoteOutcome(ReleaseRecord Record, GateDecision Status, string Repository);

/// <summary>
/// The one code path that records a vote: <see cref="VoteAdmission"/> decides on the newest trusted record (again after
/// a concurrent push), the vote is appended, signed with the command's key and pushed. A refused vote throws
/// <see cref="ReleaseRefusedException"/> and changes nothing. Vote and the ChatOps endpoint both cast through it.
/// </summary>
internal static class VoteCasting
{
    public static async Task<VoteOutcome> CastAsync(IGoNoGo build, VoteRequest request, CancellationToken ct)
    {
        var (selection, gate, role, decision, reason, voter, via) = request;
        var environment = gate.Environment;
        SecretGuard.Check(build, reason, $"The reason of the vote on release {selection.Id}");
        SecretGuard.Check(build, voter, $"The voter of the vote on release {selection.Id}");

        var records = await RecordsRepository.OpenAsync(build, ct).ConfigureAwait(false);
        await using var recordsDisposal = records.ConfigureAwait(false);
        var store = new ReleaseRecordStore(records);
        ReleaseRecord? after = null;
        await store.UpdateAsync(selection
            .Id, voter, $"{decision} by {voter} as {role} at '{environment}'{(via is null ? "" : $" (via {via})")}", existing =>
        {
            var record = existing ?? throw new ReleaseRefusedException(
                $"Vote: release {selection.Id} has no record in {records.Shown}. Check --release, or open it with OpenRelease first.");
            var trusted = RecordTrust.Trusted(build, record);
            var vote = new Vote(selection.Id, environment, role, voter, decision, reason, build.Clock.GetUtcNow());
            if (new VoteAdmission(build.Clock).Check(vote, trusted.ToCandidate([]), gate, trusted.Votes()) is { } refusal)
                throw new ReleaseRefusedException($"{refusal.Message} (refused: {refusal.Reason}; nothing was recorded)");
            return after = record.Append(new VoteCast(vote.CastAt, environment, role.Name, voter, decision, reason, via));
        }, ct).ConfigureAwait(false);

        var evidence = await PipelineEvidenceKeys.ReadAsync(build.ReleasePaths, RecordTrust.Trusted(build, after!), ct).ConfigureAwait(false);
        var status = GateEvaluation.Decide(build, GateEvaluation.Find(build, environment), after!, evidence);
        return new VoteOutcome(after!, status, records.Shown);
    }
}
