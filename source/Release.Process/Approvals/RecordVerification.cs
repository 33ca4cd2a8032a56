using Release.Process.Signing;

namespace Release.Process.Approvals;

/// <summary>
/// Decides which events of a release record count: when the rosters name keys, an event counts only if it names
/// the link of the event stored before it (<see cref="RecordChain"/>) and carries a signature that verifies against
/// a roster key. Votes and attestations must be signed by a person (a CI job never votes) and name that person; what
/// a record says about who acted is then the key's owner. Everything else is refused with its reason, so a forged,
/// replayed, copied or moved event is shown as refused, never silently counted or silently missing. A key counts as
/// the roster stood when the event was made: a retired key (<see cref="RosterSigner.Validity"/>) still vouches for
/// what it signed before its <c>valid-before</c>, and for nothing after. A ChatOps relay key (<see cref="RosterSigner.IsRelay"/>)
/// vouches only for votes that name the Slack user they came from, in the name of the person the roster maps that user to.
/// </summary>
public static class RecordVerification
{
    /// <summary>Verifies <paramref name="record"/> against the keys of <paramref name="rosters"/>.</summary>
    /// <param name="record">The record as stored.</param>
    /// <param name="rosters">The rosters of every gate; when none names a key, nothing is required and the record counts as it is.</param>
    public static VerifiedRecord Verify(ReleaseRecord record, IEnumerable<RoleRoster> rosters)
    {
        var all = rosters.ToArray();
        var signers = all.SelectMany(r => r.Signers).ToArray();
        if (signers.Length == 0) return new VerifiedRecord(record, []);
        var trustedKeys = signers.SelectMany(s => s.Keys).Distinct().ToArray();
        var refused = new List<string>();
        var kept = new List<ReleaseEvent>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var previous = RecordChain.Genesis;
        for (var i = 0; i < record.Events.Count; i++)
        {
            var @event = record.Events[i];
            var (accepted, refusal, signer) = Check(record.ReleaseId, @event, previous, signers, trustedKeys, seen);
            if (accepted is not null && RelayRefusal(accepted, signer, all) is { } relayed)
                (accepted, refusal) = (null, relayed);
            previous = RecordChain.Link(record.ReleaseId, previous, @event);
            if (accepted is not null) kept.Add(accepted);
            else if (i == 0) return new VerifiedRecord(null, [$"{Describe(0, @event)}: {refusal} The release's creation cannot be trusted; open " +
                "the release again from its pipeline with a roster key."]);
            else refused.Add($"{Describe(i, @event)}: {refusal}");
        }
        var trusted = kept.Skip(1).Aggregate(ReleaseRecord.Create(record.ReleaseId, (ReleaseCreated)kept[0]), (r, e) => r.Append(e));
        return new VerifiedRecord(trusted, refused);
    }

    private static (ReleaseEvent? Event, string? Refusal, RosterSigner? Signer) Check(string releaseId, ReleaseEvent @event, string previous,
        IReadOnlyList<RosterSigner> signers, IReadOnlyList<SshPublicKey> trustedKeys, ISet<string> seen)
    {
        if (@event.Signature is null)
            return (null, "unsigned; only events signed with a roster key count (pass --signing-key).", null);
        if (!seen.Add(@event.Signature))
            return (null, "replayed: the same signed event is already in the record.", null);
        if (@event.Previous != previous)
            return (null, $"out of order or copied: it follows link {Short(@event.Previous)}, but the event before it is {Short(previous)}.", null);
        SshSignature signature;
        try { signature = SshSignature.Parse(@event.Signature); }
        catch (FormatException e) { return (null, $"its signature is unreadable ({e.Message}).", null); }
        var (key, problem) = signature.Verify(RecordChain.Payload(releaseId, previous, @event), RecordChain.Namespace, trustedKeys);
        if (key is null) return (null, problem + ".", null);
        var signer = signers.First(s => s.Keys.Contains(key));
        if (signer.RefusalAt(key, @event.At) is { } retired) return (null, retired + ".", signer);
        var (checkedEvent, refusal) = @event switch
        {
            VoteCast v when signer.IsRelay => (v, null), // whose vote it is: RelayRefusal checks the roster's Slack mapping
            VoteCast or AttestationRecorded when signer.IsJob =>
                ((ReleaseEvent?)null, $"signed by the CI job key of {signer.Name}; a job never votes or attests, people do with their own keys."),
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
            _ => ((ReleaseEvent?)@event, (string?)null),
        };
        return (checkedEvent, refusal, signer);
    }

    // The relay's rules (RosterSigner.IsRelay): it signs only votes relayed from Slack, each naming a Slack user the
    // roster maps to the voter; a person's own key never claims to relay.
    private static string? RelayRefusal(ReleaseEvent accepted, RosterSigner? signer, IReadOnlyList<RoleRoster> rosters)
    {
        if (signer is null) return null;
        if (!signer.IsRelay)
            return accepted is VoteCast { Via: not null } ? $"names a relay ({((VoteCast)accepted).Via}) but is signed by {signer.Name}'s own key; " +
                "only the ChatOps relay key signs relayed votes." : null;
        if (accepted is not VoteCast vote)
            return $"signed by the ChatOps relay key of {signer.Name}, which signs only votes cast in Slack.";
        var user = SlackUserOf(vote.Via);
        if (user is null)
            return $"signed by the ChatOps relay key of {signer.Name} but names no Slack user it came from.";
        var person = rosters.Select(r => r.PersonOfSlackUser(user)).FirstOrDefault(p => p is not null);
        if (person is null || !Identity.Same(person, vote.Voter))
            return $"relayed by {signer.Name} from Slack user {user}, whom the roster does not map to {vote.Voter}.";
        return null;
    }

    /// <summary>The Slack user id of a relayed vote's <see cref="VoteCast.Via"/> (<c>slack:TEAM/USER</c> or <c>slack:USER</c>), or null.</summary>
    public static string? SlackUserOf(string? via)
    {
        if (via is null || !via.StartsWith("slack:", StringComparison.Ordinal)) return null;
        var rest = via["slack:".Length..];
        var user = rest.Contains('/') ? rest[(rest.LastIndexOf('/') + 1)..] : rest;
        return user.Length == 0 ? null : user;
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
