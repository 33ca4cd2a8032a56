using Release.Engine;
using Release.Pipeline;
using Release.Process.Approvals;
using Release.Releasing.Tests.Support;
using Release.Testing.Signing;

namespace Release.Releasing.Tests.Sets;

/// <summary>
/// What an application release's evidence is made of, beside what <see cref="SetWorld.PushedAsync"/> leaves: the
/// coverage, scan and SBOM files UnitTest and Scan leave for a module, and rollbacks recorded on a set's record the way
/// the rollback command records them (signed with the CI job's roster key and chained).
/// </summary>
public static class SetResults
{
    /// <summary>Leaves what UnitTest's coverage and Scan leave for <paramref name="module"/> (its scan summary says <paramref name="scan"/>).</summary>
    public static void Leave(SetWorld world, string module, string scan)
    {
        var paths = new PipelinePaths(new AbsolutePath(world.Root), module);
        Directory.CreateDirectory(paths.ScanDirectory);
        File.WriteAllText(paths.UnitTestDirectory / $"{module}.Tests.cobertura.xml",
            "<?xml version=\"1.0\"?>\n<coverage line-rate=\"0.85\" branch-rate=\"0.7\" lines-covered=\"85\" lines-valid=\"100\"></coverage>\n");
        File.WriteAllText(paths.ScanSummary, $"{{\"verdict\":\"pass\",\"critical\":0,\"high\":0,\"scanned\":\"{scan}\"}}\n");
        File.WriteAllText(paths.ScanDirectory / "scan.sarif", "{\"version\":\"2.1.0\",\"runs\":[]}\n");
        File.WriteAllText(paths.ScanDirectory / "sbom-image.cdx.json", $"{{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"components\":[{{\"name\":\"{module}\"}}]}}\n");
    }

    /// <summary>
    /// Records, signed with the CI job's roster key and chained, a promotion of the set to <paramref name="environment"/> a
    /// second after the record's last event: a promotion of its own, not part of a batch recorded before it.
    /// </summary>
    public static Task RecordPromotionAsync(SetWorld world, string releaseId, string setDigest, string environment) =>
        RecordsTampering.CommitSignedEventAsync(world.Records, releaseId,
            record => new ReleasePromoted(record.Events[^1].At.AddSeconds(1), environment, setDigest, TeamRoster.Job),
            world.Roster.KeyOf(TeamRoster.Job));

    /// <summary>
    /// Records, signed with the CI job's roster key and chained, that <paramref name="environment"/> was rolled back from
    /// the set of <paramref name="releaseId"/> to the set <paramref name="toVersion"/>: what the set's rollback records.
    /// </summary>
    public static Task RecordRollbackAsync(SetWorld world, string releaseId, string environment, string toVersion) =>
        RecordsTampering.CommitSignedEventAsync(world.Records, releaseId,
            record => new ReleaseRolledBack(record.Events[^1].At.AddSeconds(1), environment, toVersion, TeamRoster.Job),
            world.Roster.KeyOf(TeamRoster.Job));
}
