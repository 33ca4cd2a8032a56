using Release.Process.Approvals;
using Release.Releasing.Approvals;

namespace Release.Releasing.Evidence;

/// <summary>
/// The record part of an evidence bundle, the same for a module's release and an application release: the full signed
/// record for auditors (<c>record/release-record.json</c>), and, only from the events that verify, the votes, each
/// gate's checklist with its evidence and attestations, and the events' times.
/// </summary>
internal static class RecordEvidenceFiles
{
    /// <summary>Writes <c>record/*.json</c>.</summary>
    /// <param name="build">The build (its gates).</param>
    /// <param name="record">The record as stored.</param>
    /// <param name="trusted">The record as <see cref="Records.RecordTrust"/> trusts it.</param>
    /// <param name="evidence">The checklist evidence keys the pipeline's files prove.</param>
    /// <param name="folder">The bundle.</param>
    /// <param name="ct">Cancels the writes.</param>
    public static async Task WriteAsync(IEvidence build, ReleaseRecord record, ReleaseRecord trusted, IReadOnlySet<string> evidence,
        EvidenceFolder folder, CancellationToken ct)
    {
        await folder.WriteTextAsync("record/release-record.json", ReleaseRecordJson.Serialize(record), ct).ConfigureAwait(false);
        await folder.WriteJsonAsync(
            "record/votes.json",
            trusted.Votes().Select(v => new { v.Environment, Role = v.Role.Name, v.Voter, v.Decision, v.Reason, v.CastAt }),
            ct).ConfigureAwait(false);
        await folder.WriteJsonAsync("record/checklist.json", build.Gates.Select(g => Checklist(build, g, record, trusted, evidence)), ct)
            .ConfigureAwait(false);
        await folder.WriteJsonAsync("record/timings.json", record.Events.Select(e => new { Event = e.GetType().Name, e.At }), ct)
            .ConfigureAwait(false);
    }

    private static object Checklist(IEvidence build, GatePolicy gate, ReleaseRecord record, ReleaseRecord trusted, IReadOnlySet<string> evidence)
    {
        var decision = GateEvaluation.Decide(build, gate, record, evidence);
        var attestations = trusted.Attestations();
        return new
        {
            gate.Environment, decision.Passed, GoRoles = decision.GoRoles.Select(r => r.Name), decision.Blockers, decision.IgnoredVotes, decision
                .IgnoredAttestations, decision.Refused,
            Items = gate.Checklist.Select(i => new
            {
                i.Key, Role = i.Role.Name, i.Description,
                Evidence = i.EvidenceKey is not null && evidence.Contains(i.EvidenceKey) ? i.EvidenceKey : null,
                Attestations = attestations.Where(a => a.ItemKey == i.Key).Select(a => new { a.By, Role = a.Role?.Name, a.At, a.Text }),
            }),
        };
    }
}
