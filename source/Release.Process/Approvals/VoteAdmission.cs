namespace Release.Process.Approvals;

/// <summary>
/// Decides whether a vote may be recorded: segregation of duties (authors and the trigger may not vote Go; one
/// person fills at most one role per release, the role they first voted or attested in), the gate's roles and the
/// voting window.
/// A NoGo from an author or the trigger is accepted: raising a concern is always allowed.
/// </summary>
/// <param name="clock">The clock used to refuse votes dated in the future.</param>
public sealed class VoteAdmission(TimeProvider clock)
{
    /// <summary>Returns why the vote is refused, or null when it may be recorded.</summary>
    /// <param name="vote">The vote.</param>
    /// <param name="candidate">The release being voted on.</param>
    /// <param name="gate">The gate the vote is for.</param>
    /// <param name="earlierVotes">Votes already recorded for this release, at any gate.</param>
    public VoteRefusal? Check(Vote vote, ReleaseCandidate candidate, GatePolicy gate, IEnumerable<Vote> earlierVotes)
    {
        var who = $"{vote.Voter} ({vote.Role}) on release {vote.ReleaseId} at gate '{vote.Environment}'";
        if (string.IsNullOrWhiteSpace(vote.Voter))
            return new(VoteRefusalReason.Incomplete, $"Vote as {vote.Role} on release {vote.ReleaseId} names no voter: record who votes.");
        if (vote.Decision == VoteDecision.NoGo && string.IsNullOrWhiteSpace(vote.Reason))
            return new(VoteRefusalReason.Incomplete, $"NoGo by {who} has no reason: say what blocks the release so it can be fixed.");
        if (vote.ReleaseId != candidate.ReleaseId || vote.Environment != gate.Environment)
            return new(VoteRefusalReason.WrongGate, $"Vote by {who} does not belong to release {candidate.ReleaseId} at gate '{gate.Environment}'.");
        if (!gate.RequiredRoles.Contains(vote.Role))
            return new(VoteRefusalReason.RoleNotAtGate,
                $"Vote by {who} refused: role {vote.Role} does not vote at this gate (roles: {string.Join(", ", gate.RequiredRoles)}).");
        if (gate.Roster.Refusal(vote.Voter, vote.Role) is { } notOnRoster)
            return new(VoteRefusalReason.NotOnRoster, $"Vote by {who} refused: {notOnRoster}");
        if (vote.CastAt > clock.GetUtcNow())
            return new(VoteRefusalReason.FromTheFuture, $"Vote by {who} is dated {vote.CastAt:O}, after now: votes are stamped when cast.");
        if (gate.Window is { } window && !window.Contains(vote.CastAt))
            return new(VoteRefusalReason.OutsideWindow,
                $"Vote by {who} refused: cast {window.Local(vote.CastAt)}, outside the voting window {window}. Vote again inside the window.");

        if (vote.Decision == VoteDecision.Go)
        {
            if (Identity.IsIn(vote.Voter, candidate.Authors))
                return new(VoteRefusalReason.AuthorSelfApproval,
                    $"Go by {who} refused: {vote.Voter} authored changes in this release and cannot approve them; another {vote.Role} must vote.");
            if (Identity.Same(vote.Voter, candidate.TriggeredBy))
                return new(VoteRefusalReason.TriggerSelfApproval,
                    $"Go by {who} refused: {vote.Voter} triggered this release and cannot approve it; another {vote.Role} must vote.");
        }

        // An attestation claims a role as much as a vote does; only those made before this vote count.
        var claimed = AttestationAdmission.RoleClaimedBy(vote.Voter,
            earlierVotes.Where(v => v.ReleaseId == vote.ReleaseId), candidate.Attestations.Where(a => a.At <= vote.CastAt));
        if (claimed is not null && claimed.Role != vote.Role)
            return new(VoteRefusalReason.SecondRole,
                $"Vote by {who} refused: {vote.Voter} already {claimed.What} on this release; one person fills one role per release.");
        return null;
    }

    /// <summary>Like <see cref="Check"/> but throws.</summary>
    /// <param name="vote">The vote.</param>
    /// <param name="candidate">The release being voted on.</param>
    /// <param name="gate">The gate the vote is for.</param>
    /// <param name="earlierVotes">Votes already recorded for this release.</param>
    /// <exception cref="VoteRefusedException">The vote is refused; the message says why and what to do.</exception>
    public void Admit(Vote vote, ReleaseCandidate candidate, GatePolicy gate, IEnumerable<Vote> earlierVotes)
    {
        if (Check(vote, candidate, gate, earlierVotes) is { } refusal) throw new VoteRefusedException(refusal);
    }
}
