using Release.Process.Signing;

namespace Release.Process.Approvals;

/// <summary>
/// Decides which events of a release record count: when the rosters name keys, an event counts only if it names
/// the link of the event stored before it (<see cref="RecordChain"/>) and carries a signature that verifies against
/// a roster key. Votes and attestations must be signed by a person (a CI job never votes) and name that person; what
/// a record says about who acted is then the key's owner. Everything else is refused with its reason, so a forged,
/// replayed, copied or moved event is shown as refused, never silently counted or silently missing. A key counts as
/// the roster stood when the event was made: a retired key (<see cref="RosterSigner.Validity"/>) still vouches for
/// what it signed before its <c>valid-before</c>, and for nothing after.
/// </summary>
public static class RecordVerification
{
    /// <summary>Verifies <paramref name="record"/> against the keys of <paramref name="rosters"/>.</summary>
    /// <param name="record">The record as stored.</param>
    /// <param name="rosters">The rosters of every gate; when none names a key, nothing is required and the record counts as it is.</param>
    public static VerifiedRecord Verify(ReleaseRecord record, IEnumerable<RoleRoster> rosters)
    {
        var signers = rosters.SelectMany(r => r.Signers).ToArray();
        if (signers.Length == 0) return new VerifiedRecord(record, []);
        var trustedKeys = signers.SelectMany(s => s.Keys).Distinct().ToArray();
        var refused = new List<string>();
        var kept = new List<ReleaseEvent>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var previous = RecordChain.Genesis;
        for (var i = 0; i < record.Events.Count; i++)
        {
            var @event = record.Events[i];
            var (accepted, refusal) = Check(record.ReleaseId, @event, previous, signers, trustedKeys, seen);
            previous = RecordChain.Link(record.ReleaseId, previous, @event);
            if (accepted is not null) kept.Add(accepted);
            else if (i == 0) return new VerifiedRecord(null, [$"{Describe(0, @event)}: {refusal} The release's creation cannot be trusted; open the release again from its pipeline with a roster key."]);
            else refused.Add($"{Describe(i, @event)}: {refusal}");
        }
        var trusted = kept.Skip(1).Aggregate(ReleaseRecord.Create(record.ReleaseId, (ReleaseCreated)kept[0]), (r, e) => r.Append(e));
        return new VerifiedRecord(trusted, refused);
    }

    private static (ReleaseEvent? Event, string? Refusal) Check(string releaseId, ReleaseEvent @event, string previous,
        IReadOnlyList<RosterSigner> signers, IReadOnlyList<SshPublicKey> trustedKeys, ISet<string> seen)
    {
        if (@event.Signature is null)
            return (null, "unsigned; only events signed with a roster key count (pass --signing-key).");
        if (!seen.Add(@event.Signature))
            return (null, "replayed: the same signed event is already in the record.");
        if (@event.Previous != previous)
            return (null, $"out of order or copied: it follows link {Short(@event.Previous)}, but the event before it is {Short(previous)}.");
        SshSignature signature;
        try { signature = SshSignature.Parse(@event.Signature); }
        catch (FormatException e) { return (null, $"its signature is unreadable ({e.Message})."); }
        var (key, problem) = signature.Verify(RecordChain.Payload(releaseId, previous, @event), RecordChain.Namespace, trustedKeys);
        if (key is null) return (null, problem + ".");
        var signer = signers.First(s => s.Keys.Contains(key));
        if (signer.RefusalAt(key, @event.At) is { } retired) return (null, retired + ".");
        return @event switch
        {
            VoteCast or AttestationRecorded when signer.IsJob =>
                (null, $"signed by the CI job key of {signer.Name}; a job never votes or attests, people do with their own keys."),
            VoteCast v when !Identity.Same(v.Voter, signer.Name) =>
                (null, $"signed by {signer.Name}'s key but cast in the name of {v.Voter}."),
            AttestationRecorded a when !Identity.Same(a.By, signer.Name) =>
                (null, $"signed by {signer.Name}'s key but made in the name of {a.By}."),
            ReleasePromoted p when !Identity.Same(p.By, signer.Name) =>
                (null, $"signed by {signer.Name}'s key but recorded as done by {p.By}."),
            ReleaseRolledBack r when !Identity.Same(r.By, signer.Name) =>
                (null, $"signed by {signer.Name}'s key but recorded as done by {r.By}."),
            VoteCast v => (v with { Voter = signer.Name }, null),
            AttestationRecorded a => (a with { By = signer.Name }, null),
            _ => (@event, null),
        };
    }

    private static string Describe(int index, ReleaseEvent @event) => $"event {index + 1} ({Kind(@event)} at {@event.At:O})";

    private static string Kind(ReleaseEvent @event) => @event switch
    {
        VoteCast v => $"{v.Decision} vote as {v.Role} by {v.Voter}",
        AttestationRecorded a => $"attestation of {a.ItemKey} by {a.By}",
        ReleaseBlessed => "blessing",
        ReleasePromoted p => $"promotion to {p.Environment}",
        ReleaseRolledBack r => $"rollback of {r.Environment}",
        ReleaseCreated => "creation",
        _ => @event.GetType().Name,
    };

    private static string Short(string? link) => link is null ? "(none)" : link.Length > 12 ? link[..12] : link;
}
