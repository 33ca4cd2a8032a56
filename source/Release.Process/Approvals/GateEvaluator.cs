namespace Release.Process.Approvals;

/// <summary>
/// Decides a gate from the recorded votes and the checklist. Every vote is checked again with
/// <see cref="VoteAdmission"/>, so a vote that slipped into the record against the rules does not count.
/// A voter's latest vote for a role replaces their earlier one (people may change their mind before the release).
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
            .GroupBy(v => (Voter: v.Voter.Trim().ToLowerInvariant(), v.Role))
            .Select(g => g.Last())
            .ToArray();
        var vetoes = latest.Where(v => v.Decision == VoteDecision.NoGo).ToArray();
        if (gate.VetoOnNoGo)
            reasons.AddRange(vetoes.Select(v => $"NoGo from {v.Voter} ({v.Role}): {v.Reason}"));

        var goRoles = gate.RequiredRoles.Where(r => latest.Any(v => v.Role == r && v.Decision == VoteDecision.Go)).ToArray();
        var needed = gate.Quorum.Needed(gate.RequiredRoles.Count);
        if (goRoles.Length < needed)
        {
            var missing = gate.RequiredRoles.Except(goRoles);
            reasons.Add($"Quorum not met: {goRoles.Length} of {gate.RequiredRoles.Count} roles said Go, {gate.Quorum} needed ({needed}); no Go yet from: {string.Join(", ", missing)}.");
        }

        foreach (var item in gate.Checklist.Where(i => !IsSatisfied(i, candidate)))
            reasons.Add($"Checklist item '{item.Key}' ({item.Role}) not satisfied: {item.Description}; " +
                        (item.EvidenceKey is null ? "record an attestation." :
                         item.AttestationAllowed ? $"needs evidence '{item.EvidenceKey}' or an attestation." : $"needs evidence '{item.EvidenceKey}' from the pipeline."));

        return new GateDecision(candidate.ReleaseId, gate.Environment, goRoles, reasons, ignored);
    }

    private static bool IsSatisfied(ChecklistItem item, ReleaseCandidate candidate) =>
        (item.EvidenceKey is not null && candidate.EvidenceKeys.Contains(item.EvidenceKey))
        || (item.AttestationAllowed && candidate.Attestations.Any(a =>
            a.ReleaseId == candidate.ReleaseId && a.ItemKey == item.Key
            && !string.IsNullOrWhiteSpace(a.By) && !string.IsNullOrWhiteSpace(a.Text)));
}
