using Release.Foundation.Oci;
using Release.Process.Approvals;
using Release.Process.Promotion;
using Release.Process.Versioning;
using Release.SemVer;

namespace Release.Releasing.Records;

/// <summary>
/// What the promotion and rollback planners reason about, read from every release record: blessed releases and
/// every deployment. A rollback recorded on the release it left counts as a deployment of the version it restored.
/// </summary>
/// <param name="Blessed">Every blessed release.</param>
/// <param name="Deployments">Every deployment in time order.</param>
internal sealed record ReleaseHistory(IReadOnlyList<BlessedRelease> Blessed, IReadOnlyList<Deployment> Deployments)
{
    /// <summary>Builds the history from the records.</summary>
    public static ReleaseHistory From(IReadOnlyList<ReleaseRecord> records)
    {
        // Application releases (sets, Sets/IReleaseSets) share the repository and their versions; their events name the
        // set's digest, not a module's image, so module promotion and rollback leave them out.
        records = records.Where(r => !r.Events.OfType<SetRecorded>().Any()).ToList();
        var blessed = new List<BlessedRelease>();
        var deployments = new List<Deployment>();
        var byVersion = records.ToDictionary(r => r.Created.Version, StringComparer.Ordinal);
        foreach (var record in records)
        {
            var version = SemanticVersion.Parse(record.Created.Version);
            foreach (var @event in record.Events)
            {
                switch (@event)
                {
                    case ReleaseBlessed b:
                        blessed.Add(new BlessedRelease(record.ReleaseId, version,
                            OciDigest.Parse(b.ImageDigest, $"image digest blessed in {record.ReleaseId}"),
                            OciDigest.Parse(b.ChartDigest, $"chart digest blessed in {record.ReleaseId}"), b.At));
                        break;
                    case ReleasePromoted p:
                        deployments.Add(new Deployment(p.Environment, record.ReleaseId, version,
                            OciDigest.Parse(p.ImageDigest, $"image digest promoted in {record.ReleaseId}"), p.At));
                        break;
                    case ReleaseRolledBack r when byVersion.TryGetValue(r.ToVersion, out var restored)
                                                   && DigestIn(restored, r.Environment) is { } digest:
                        deployments.Add(new Deployment(r.Environment, restored.ReleaseId, SemanticVersion.Parse(r.ToVersion), digest, r.At));
                        break;
                }
            }
        }
        return new ReleaseHistory(blessed, deployments.OrderBy(d => d.DeployedAt).ToArray());
    }

    /// <summary>The image digest a release was deployed with in an environment, or null.</summary>
    public static OciDigest? DigestIn(ReleaseRecord record, string environment) =>
        record.Events.OfType<ReleasePromoted>().Where(p => p.Environment == environment)
            .Select(p => (OciDigest?)OciDigest.Parse(p.ImageDigest, $"image digest promoted in {record.ReleaseId}")).LastOrDefault();

    /// <summary>The deployment serving an environment now, or null.</summary>
    public Deployment? Current(string environment) => Deployments.LastOrDefault(d => d.Environment == environment);
}
