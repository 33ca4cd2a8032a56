using Release.Process.Approvals;

namespace Release.Process.Applications.Releases;

/// <summary>
/// How an application release lives in a release record (the record <c>APPLICATION.set-VERSION</c>): its creation, then one
/// <see cref="SetRecorded"/> event holding the canonical manifest, then the usual votes, attestations, blessing,
/// promotions and rollbacks, signed and chained as for a module release (<see cref="RecordChain"/>). The digests of its
/// blessing and promotion events are the set's digest, which pins every module's image and chart digest: production
/// taking "only the blessed digests" is production taking only the blessed set.
/// </summary>
public static class SetRecords
{
    /// <summary>The record id of an application release: <c>shop.set-2.3.0</c>.</summary>
    public static string ReleaseId(ReleaseManifest set) => ReleaseId(set.Application, set.Version.ToString());

    /// <summary>
    /// The record id of <paramref name="application"/>'s release <paramref name="version"/>: <c>shop.set-2.3.0</c>. A module
    /// release is <c>MODULE-VERSION</c> and names are DNS labels (no '.'), so an application named like one of its modules
    /// (an application of one module is) never shares a record with that module's releases.
    /// </summary>
    public static string ReleaseId(string application, string version) => $"{application}.set-{version}";

    /// <summary>The event that records <paramref name="set"/> in its release's record.</summary>
    public static SetRecorded Recorded(ReleaseManifest set, DateTimeOffset at) => new(at, set.Digest.Value, set.Canonical);

    /// <summary>The blessing of <paramref name="set"/>: both digests name the set.</summary>
    public static ReleaseBlessed Blessing(ReleaseManifest set, DateTimeOffset at) => new(at, set.Digest.Value, set.Digest.Value);

    /// <summary>The promotion of <paramref name="set"/> to an environment.</summary>
    public static ReleasePromoted Promotion(ReleaseManifest set, string environment, string by, DateTimeOffset at)
        => new(at, environment, set.Digest.Value, by);

    /// <summary>
    /// The set a record holds, or null for a module release (no <see cref="SetRecorded"/> event). Read it from the trusted
    /// record (<see cref="RecordVerification"/>): a set event that is unsigned, forged or rewritten is not in it.
    /// </summary>
    /// <exception cref="ReleaseSetException">The record holds two different sets, a manifest whose digest is not the one
    /// recorded, or a manifest of another release; the message names the record and the event.</exception>
    public static ReleaseManifest? ManifestOf(ReleaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var events = record.Events.Select((e, i) => (Event: e as SetRecorded, Number: i + 1)).Where(e => e.Event is not null).ToList();
        if (events.Count == 0) return null;
        var where = $"release record {record.ReleaseId}, event {events[0].Number}";
        var manifest = ReleaseManifest.Parse(events[0].Event!.Manifest, where);
        var problems = new List<string>();
        if (manifest.Digest.Value != events[0].Event!.Digest)
            problems.Add($"{where}: the manifest's digest is {manifest.Digest}, but the event records {events[0].Event!.Digest}.");
        if (ReleaseId(manifest) != record.ReleaseId || manifest.Version.ToString() != record.Created.Version)
            problems.Add($"{where}: the manifest is release {manifest.Application} {manifest.Version}, not {record.ReleaseId} (version " +
                $"{record.Created.Version}).");
        foreach (var other in events.Skip(1).Where(e => e.Event!.Digest != events[0].Event!.Digest))
            problems.Add($"release record {record.ReleaseId}, event {other.Number}: records set {other.Event!.Digest} after set " +
                $"{events[0].Event!.Digest}; " +
                         "a release names one set forever: release a new version for another set.");
        if (problems.Count > 0)
            throw new ReleaseSetException([.. problems, "Restore the record from the records repository's history, or open a new release."]);
        return manifest;
    }
}

/// <summary>
/// What the set planners reason about, read from trusted release records: every blessed set and every set deployment.
/// A rollback recorded on the release it left counts as a deployment of the set it restored (as for modules).
/// </summary>
/// <param name="Blessed">Every blessed set.</param>
/// <param name="Deployments">Every set deployment, in time order.</param>
/// <param name="Ignored">Events that name something other than their record's set, with the reason; they count for nothing.</param>
public sealed record SetHistory(IReadOnlyList<BlessedSet> Blessed, IReadOnlyList<SetDeployment> Deployments, IReadOnlyList<string> Ignored)
{
    /// <summary>Reads the history of <paramref name="application"/> from <paramref name="trusted"/> records (module releases are skipped).</summary>
    /// <param name="application">The application.</param>
    /// <param name="trusted">The records as <see cref="RecordVerification"/> trusts them.</param>
    /// <exception cref="ReleaseSetException">A record's set cannot be read (<see cref="SetRecords.ManifestOf"/>).</exception>
    public static SetHistory From(string application, IReadOnlyList<ReleaseRecord> trusted)
    {
        ArgumentNullException.ThrowIfNull(trusted);
        var sets = trusted.Select(r => (Record: r, Set: SetRecords.ManifestOf(r)))
            .Where(s => s.Set is not null && s.Set.Application == application).ToList();
        var byVersion = sets.ToDictionary(s => s.Set!.Version.ToString(), s => s.Set!, StringComparer.Ordinal);
        var blessed = new List<BlessedSet>();
        var deployments = new List<SetDeployment>();
        var ignored = new List<string>();
        foreach (var (record, set) in sets)
        {
            var digest = set!.Digest.Value;
            foreach (var @event in record.Events)
            {
                switch (@event)
                {
                    case ReleaseBlessed b when b.ImageDigest == digest && b.ChartDigest == digest:
                        blessed.Add(new BlessedSet(set, b.At));
                        break;
                    case ReleaseBlessed b:
                        ignored.Add(
                            $"release record {record.ReleaseId}: the blessing at {b.At:O} names {b.ImageDigest}, not the release's set {digest}.");
                        break;
                    case ReleasePromoted p when p.ImageDigest == digest:
                        deployments.Add(new SetDeployment(p.Environment, set, p.At));
                        break;
                    case ReleasePromoted p:
                        ignored.Add($"release record {record.ReleaseId}: the promotion to {p.Environment} names {p.ImageDigest}, not the release's " +
                            $"set {digest}.");
                        break;
                    case ReleaseRolledBack r when byVersion.TryGetValue(r.ToVersion, out var restored):
                        deployments.Add(new SetDeployment(r.Environment, restored, r.At));
                        break;
                    case ReleaseRolledBack r:
                        ignored.Add($"release record {record.ReleaseId}: the rollback of {r.Environment} names version {r.ToVersion}, which has no " +
                            "trusted set.");
                        break;
                }
            }
        }
        return new SetHistory(blessed, deployments.OrderBy(d => d.At).ToList(), ignored);
    }

    /// <summary>The set an environment runs now, or null.</summary>
    public ReleaseManifest? Current(string environment) => Deployments.LastOrDefault(d => d.Environment == environment)?.Set;
}
