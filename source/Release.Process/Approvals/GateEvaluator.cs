namespace Release.Process.Approvals;

/// <summary>
/// Decides a gate from the recorded votes and the checklist. Every vote is checked again with
/// <see cref="VoteAdmission"/> and every attestation with <see cref="AttestationAdmission"/>, so a vote or an
/// attestation that slipped into the record against the rules does not count.
/// A voter's latest vote for a role replaces their earlier one (people may change their mind before the release).
/// A NoGo stands until its voter votes Go again, or an owner of its role on the roster (<see cref="RoleRoster.Owns"/>)
/// casts a Go in that role after it.
/// </summary>
/// <param name="clock">The clock passed to <see cref="VoteAdmission"/>.</param>
public sealed class GateEvaluator(TimeProvider clock)
{
    /// <summary>Evaluates one gate for one release.</summary>
    /// <param name="gate">The gate's policy.</param>
    /// <param name="candidate">The release, its evidence keys and attestations.</param>
    /// <param name="votes">All votes recorded for the release, in the order they were recorded.</param>
    public GateDecision Evaluate(GatePolicy gate, ReleaseCandidate candidate, IReadOnlyList<Vote> votes)
    {
        var reasons = new List<string>();
        var ignored = new List<string>();
        var admission = new VoteAdmission(clock);
        var accepted = new List<Vote>();
        // Earlier votes that count for "one person, one role": this gate's refused votes do not.
        var earlier = new List<Vote>();
        foreach (var vote in votes)
        {
            if (vote.ReleaseId != candidate.ReleaseId || vote.Environment != gate.Environment)
            {
                earlier.Add(vote);
                continue;
            }
            if (admission.Check(vote, candidate, gate, earlier) is { } refusal)
            {
                ignored.Add(refusal.Message);
                continue;
            }
            accepted.Add(vote);
            earlier.Add(vote);
        }

        var latest = accepted
            .GroupBy(v => (Voter: Identity.Canonical(v.Voter), v.Role))
            .Select(g => g.Last())
            .ToArray();
        var vetoes = latest.Where(v => v.Decision == VoteDecision.NoGo && !LiftedByOwner(v, accepted, gate.Roster)).ToArray();
        var vetoTexts = vetoes.Select(v => $"NoGo from {v.Voter} ({v.Role}): {v.Reason}").ToArray();
        if (gate.VetoOnNoGo)
            reasons.AddRange(vetoTexts);

        var goRoles = gate.RequiredRoles.Where(r => latest.Any(v => v.Role == r && v.Decision == VoteDecision.Go)).ToArray();
        var needed = gate.Quorum.Needed(gate.RequiredRoles.Count);
        if (goRoles.Length < needed)
        {
            var missing = gate.RequiredRoles.Except(goRoles);
            reasons.Add($"Quorum not met: {goRoles.Length} of {gate.RequiredRoles.Count} roles said Go, {gate.Quorum} needed ({needed}); no Go yet " +
                $"from: {string.Join(", ", missing)}.");
        }

        var (attested, ignoredAttestations) = AdmittedAttestations(gate, candidate, votes);
        foreach (var item in gate.Checklist.Where(i => !IsSatisfied(i, candidate, attested)))
            reasons.Add($"Checklist item '{item.Key}' ({item.Role}) not satisfied: {item.Description}; " +
                        (item.EvidenceKey is null
                            ? $"record an attestation by someone acting as {item.Role} (./build.sh Attest --item {item.Key} --role {item.Role})."
                            :
                         item.AttestationAllowed
                             ? $"needs evidence '{item.EvidenceKey}' or an attestation by someone acting as {item.Role}."
                             : $"needs evidence '{item.EvidenceKey}' from the pipeline."));

        return new GateDecision(candidate.ReleaseId, gate.Environment, goRoles, reasons, ignored) {
            IgnoredAttestations = ignoredAttestations,
            Vetoes = gate.VetoOnNoGo ? vetoTexts : [] };
    }

    // Attestations of this gate's items, each checked again with AttestationAdmission against what was recorded
    // before it, so one that slipped into the record against the rules (wrong role, an author, no role) does not count.
    private (IReadOnlyList<Attestation> Admitted, IReadOnlyList<string> Ignored) AdmittedAttestations(
        GatePolicy gate, ReleaseCandidate candidate, IReadOnlyList<Vote> votes)
    {
        var admission = new AttestationAdmission(clock);
        var admitted = new List<Attestation>();
        var ignored = new List<string>();
        var keys = gate.Checklist.Select(i => i.Key).ToHashSet(StringComparer.Ordinal);
        var all = candidate.Attestations;
        for (var i = 0; i < all.Count; i++)
        {
            var attestation = all[i];
            if (attestation.ReleaseId != candidate.ReleaseId || !keys.Contains(attestation.ItemKey)) continue;
            var earlierVotes = votes.Where(v => v.ReleaseId == candidate.ReleaseId && v.CastAt <= attestation.At);
            if (admission.Check(attestation, candidate, [gate], earlierVotes, all.Take(i)) is { } refusal)
                ignored.Add(refusal.Message);
            else
                admitted.Add(attestation);
        }
        return (admitted, ignored);
    }

    // A role owner's Go recorded after the NoGo, in the NoGo's role (votes are in the order they were recorded).
    private static bool LiftedByOwner(Vote noGo, List<Vote> accepted, RoleRoster roster) =>
        accepted.Skip(accepted.FindIndex(v => ReferenceEquals(v, noGo)) + 1)
            .Any(v => v.Role == noGo.Role && v.Decision == VoteDecision.Go && roster.Owns(v.Voter, v.Role));

    private static bool IsSatisfied(ChecklistItem item, ReleaseCandidate candidate, IReadOnlyList<Attestation> attested) =>
        (item.EvidenceKey is not null && candidate.EvidenceKeys.Contains(item.EvidenceKey))
        || (item.AttestationAllowed && attested.Any(a => a.ItemKey == item.Key && a.Role == item.Role));
}
