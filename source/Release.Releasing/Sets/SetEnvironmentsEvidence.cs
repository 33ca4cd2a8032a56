using Release.Process.Applications.Releases;
using Release.Process.Approvals;

namespace Release.Releasing.Sets;

/// <summary>
/// What an application release's evidence says of its blessing and its environments (<c>record/environments.json</c>),
/// from trusted records only: every promotion of the set per environment, the batches (promotions recorded at the same
/// instant by the same actor, as one batch command records its environments), every rollback that left the set (recorded
/// on its record) and every rollback of another set that restored it (recorded on that set's record).
/// </summary>
internal static class SetEnvironmentsEvidence
{
    /// <summary>The document to write.</summary>
    /// <param name="set">The set.</param>
    /// <param name="trusted">The set's trusted record.</param>
    /// <param name="sets">Every set of the application with its trusted record.</param>
    public static object Of(ReleaseManifest set, ReleaseRecord trusted, ApplicationSets sets)
    {
        var id = SetRecords.ReleaseId(set);
        var entries = new List<(string Environment, DateTimeOffset At, object Entry)>();
        foreach (var @event in trusted.Events)
        {
            if (@event is ReleasePromoted p)
                entries.Add((p.Environment, p.At,
                    new { Kind = "promoted", p.At, p.By, Set = p.ImageDigest, OfThisSet = p.ImageDigest == set.Digest.Value }));
            if (@event is ReleaseRolledBack r)
                entries.Add((r.Environment, r.At, new { Kind = "rolled back from this set", r.At, r.By, To = r.ToVersion, r.Automatic, r.Reason }));
        }
        foreach (var (otherId, other) in sets.Records.Where(r => r.Key != id))
            foreach (var r in other.Events.OfType<ReleaseRolledBack>().Where(r => r.ToVersion == set.Version.ToString()))
                entries.Add((r.Environment, r.At, new { Kind = "restored by a rollback", r.At, r.By, From = otherId, r.Automatic, r.Reason }));
        var batches = trusted.Events.OfType<ReleasePromoted>().GroupBy(p => (p.At, p.By)).Where(g => g.Count() > 1)
            .Select(g => new { g.Key.At, g.Key.By, Environments = g.Select(p => p.Environment).ToList() });
        return new
        {
            Set = set.Digest.Value,
            Blessed = trusted.Events.OfType<ReleaseBlessed>()
                .Select(b => new { b.At, Set = b.ImageDigest, OfThisSet = b.ImageDigest == set.Digest.Value }),
            Environments = entries.GroupBy(e => e.Environment, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new { Environment = g.Key, Events = g.OrderBy(e => e.At).Select(e => e.Entry) }),
            Batches = batches,
            RunsNow = sets.History.Deployments.GroupBy(d => d.Environment, StringComparer.Ordinal).Where(g => g.Last().Set.Digest == set.Digest)
                .Select(g => g.Key).Order(StringComparer.Ordinal),
        };
    }
}
