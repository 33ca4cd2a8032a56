namespace Release.Process.Approvals;

/// <summary>
/// Decides whether an attestation may satisfy a checklist item. An attestation stands in for evidence and lets a gate
/// pass, so it gets the same segregation of duties as a Go vote:
/// <list type="bullet">
/// <item>only someone acting in the role that owns the item may attest it (the item's <see cref="ChecklistItem.Role"/>
/// on the gate's checklist);</item>
/// <item>one person fills one role per release: an attester who already voted or attested in another role is refused,
/// and the role they act in is the one they claimed first;</item>
/// <item>the authors and committers of the release's changes and whoever triggered it cannot attest items that gate
/// it (they may still vote NoGo).</item>
/// </list>
/// Roles are claimed; when the gate has a <see cref="RoleRoster"/> naming the role's members, only they may claim it.
/// Either way the claim must be consistent and is recorded.
/// </summary>
/// <param name="clock">The clock used to refuse attestations dated in the future.</param>
public sealed class AttestationAdmission(TimeProvider clock)
{
    /// <summary>Returns why the attestation is refused, or null when it may be recorded.</summary>
    /// <param name="attestation">The attestation; its <see cref="Attestation.Role"/> is the role the person acts in.</param>
    /// <param name="candidate">The release (its authors and trigger).</param>
    /// <param name="gates">The gates whose checklists may hold the item.</param>
    /// <param name="earlierVotes">Votes recorded for this release before the attestation, at any gate.</param>
    /// <param name="earlierAttestations">Attestations recorded for this release before this one.</param>
    public AttestationRefusal? Check(Attestation attestation, ReleaseCandidate candidate, IReadOnlyList<GatePolicy> gates,
        IEnumerable<Vote> earlierVotes, IEnumerable<Attestation> earlierAttestations)
    {
        var key = attestation.ItemKey;
        var on = $"Attestation of '{key}' on release {attestation.ReleaseId}";
        if (string.IsNullOrWhiteSpace(attestation.By))
            return new(AttestationRefusalReason.Incomplete, $"{on} names nobody: record who attests.");
        if (string.IsNullOrWhiteSpace(attestation.Text))
            return new(AttestationRefusalReason.Incomplete, $"{on} by {attestation.By} states nothing: say what was done, with links.");
        if (attestation.ReleaseId != candidate.ReleaseId)
            return new(AttestationRefusalReason.WrongRelease, $"{on} does not belong to release {candidate.ReleaseId}.");

        var items = gates.SelectMany(g => g.Checklist).Where(i => i.Key == key).ToArray();
        if (items.Length == 0)
            return new(AttestationRefusalReason.UnknownItem,
                $"{on} refused: '{key}' is on no gate's checklist (items: " +
                    $"{string.Join(", ", gates.SelectMany(g => g.Checklist).Select(i => i.Key).Distinct())}). Check --item.");
        var attestable = items.Where(i => i.AttestationAllowed).ToArray();
        if (attestable.Length == 0)
            return new(AttestationRefusalReason.EvidenceOnly,
                $"{on} refused: item '{key}' ({items[0].Role}) can only be satisfied by pipeline evidence '{items[0].EvidenceKey}', not by an " +
                    "attestation. Run the stage that records it.");

        var owners = attestable.Select(i => i.Role).Distinct().ToArray();
        var owner = string.Join(" or ", owners.Select(r => r.Name));
        var by = $"{on} by {attestation.By}";
        var claimed = RoleClaimedBy(attestation.By, earlierVotes, earlierAttestations);
        if (attestation.Role is not { } role)
            return new(AttestationRefusalReason.NoRole,
                $"{by} refused: it names no role. Item '{key}' ({attestable[0].Description}) belongs to the {owner} checklist: " +
                $"attest as {owners[0]} with --role {owners[0]}" + (claimed is null
                    ? "."
                    : $" (you act as {claimed.Role} on this release: ask its {owners[0]} to attest)."));
        if (!owners.Contains(role))
            return new(AttestationRefusalReason.WrongRole,
                $"{by} as {role} refused: item '{key}' ({attestable[0].Description}) belongs to the {owner} checklist, and only someone acting as " +
                    $"{owner} may attest it. " +
                $"Ask the release's {owners[0]} to run ./build.sh Attest --item {key} --role {owners[0]} --text \"...\".");
        if (gates.Where(g => g.Checklist.Any(i => i.Key == key && i.Role == role)).Select(g => g.Roster.Refusal(attestation.By, role))
                .FirstOrDefault(r => r is not null) is { } notOnRoster)
            return new(AttestationRefusalReason.NotOnRoster, $"{by} as {role} refused: {notOnRoster}");
        if (claimed is not null && claimed.Role != role)
            return new(AttestationRefusalReason.SecondRole,
                $"{by} as {role} refused: {attestation.By} already {claimed.What} on this release; one person fills one role per release. " +
                $"Item '{key}' belongs to the {owner} checklist: the release's {role} must attest it.");
        if (Identity.IsIn(attestation.By, candidate.Authors))
            return new(AttestationRefusalReason.AuthorSelfAttestation,
                $"{by} as {role} refused: {attestation.By} authored or committed changes in this release and cannot attest items that gate it; " +
                    $"another {role} must attest '{key}'.");
        if (Identity.Same(attestation.By, candidate.TriggeredBy))
            return new(AttestationRefusalReason.TriggerSelfAttestation,
                $"{by} as {role} refused: {attestation.By} triggered this release and cannot attest items that gate it; another {role} must attest " +
                    $"'{key}'.");
        if (attestable.FirstOrDefault(i => i.Role == role)?.AttestableOnceIn is { } environment)
        {
            DateTimeOffset? reached = candidate.Reached is { } r && r.TryGetValue(environment, out var at) ? at : null;
            if (reached is null || attestation.At < reached)
                return new(AttestationRefusalReason.NotYetInEnvironment,
                    $"{by} as {role} refused: item '{key}' ({attestable[0].Description}) is about {environment}, and release {candidate.ReleaseId} " +
                    (reached is null
                        ? $"has not been promoted to {environment}."
                        : $"reached {environment} only at {reached:O}, after the attestation.") +
                    $" Promote it first (./build.sh Promote --release {candidate.ReleaseId} --to {environment}), check it there, then attest.");
        }
        if (attestation.At > clock.GetUtcNow())
            return new(
                AttestationRefusalReason.FromTheFuture,
                $"{by} is dated {attestation.At:O}, after now: attestations are stamped when recorded.");
        return null;
    }

    /// <summary>
    /// The role a person already acts in on a release: the role of their first vote or role-bearing attestation
    /// (in time order; a vote and an attestation at the same instant count the vote first), or null.
    /// </summary>
    /// <param name="person">The person (compared case-insensitively).</param>
    /// <param name="votes">Votes recorded for the release.</param>
    /// <param name="attestations">Attestations recorded for the release.</param>
    public static RoleClaim? RoleClaimedBy(string person, IEnumerable<Vote> votes, IEnumerable<Attestation> attestations)
    {
        var vote = votes.Where(v => Identity.Same(v.Voter, person)).Select(v => new RoleClaim(v.Role, v.CastAt, $"voted as {v.Role}"));
        var attested = attestations.Where(a => a.Role is not null && Identity.Same(a.By, person))
            .Select(a => new RoleClaim(a.Role!, a.At, $"attested '{a.ItemKey}' as {a.Role}"));
        return vote.Concat(attested).OrderBy(c => c.At).FirstOrDefault();
    }
}
