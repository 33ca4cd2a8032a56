using Release.Engine;
using Release.Process.Applications.Releases;
using Release.Process.Approvals;
using Release.Releasing.Common;
using Release.Releasing.Records;
using Release.Releasing.Versioning;

namespace Release.Releasing.Sets;

/// <summary>
/// What OpenSet does: <see cref="NextReleaseSet"/> makes the set from the modules this pipeline pushed and the previous
/// set of the application; the record is created with the set's manifest as its first event after the creation, signed
/// and pushed. The same set opened again changes nothing; another set under the same version is refused.
/// </summary>
internal sealed class OpenSetStep(IReleaseSets build)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var selection = SetSelection.Of(build, "OpenSet");
        var built = await BuiltModules.ReadAsync(build, ct).ConfigureAwait(false);
        var triggeredBy = await People.TriggeredByAsync(build, ct).ConfigureAwait(false);
        var authors = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var module in built)
            authors.UnionWith((await ReleaseCommits.ReadAsync(module.Source.Workspace, module.Source.Commit, ct, below: module.Pin.Version)
                .ConfigureAwait(false)).Authors());

        var records = await RecordsRepository.OpenAsync(build, ct).ConfigureAwait(false);
        await using var recordsDisposal = records.ConfigureAwait(false);
        var store = new ReleaseRecordStore(records);
        var known = await ApplicationSets.ReadAsync(build, store, ct).ConfigureAwait(false);
        var previous = known.Sets.LastOrDefault(s => s.Version < selection.Version);
        NextReleaseSet next;
        try { next = NextReleaseSet.Make(
            build.Application.Graph,
            selection.Application,
            selection.Version,
            [.. built.Select(b => b.Pin)],
            previous); }
        catch (ReleaseSetException e) { throw new BuildInputException($"OpenSet --set {selection.Version}:\n- " + string.Join("\n- ", e.Problems)); }
        var set = next.Manifest;

        var branches = built.Select(b => b.Source.VersionBranch ?? b.Source.Branch ?? "detached").Distinct(StringComparer.Ordinal).ToList();
        var branch = branches.Count > 0 ? string.Join(",", branches)
            : previous is not null && known.Records.TryGetValue(SetRecords.ReleaseId(previous), out var before) ? before.Created.Branch : "detached";
        var commit = string.Join(",", built.Select(b => b.Source.Commit).Distinct(StringComparer.Ordinal)) is { Length: > 0 } commits
            ? commits
            : set.Digest.Hex;

        var created = await store.UpdateAsync(selection.Id, triggeredBy, $"set {set.Digest} opened", existing =>
        {
            if (existing is null)
            {
                var at = build.Clock.GetUtcNow();
                return ReleaseRecord.Create(
                    selection.Id,
                    new ReleaseCreated(at, selection.Version.ToString(), branch, commit, triggeredBy, [.. authors]))
                    .Append(SetRecords.Recorded(set, at));
            }
            var recorded = SetManifestOf(existing);
            if (recorded?.Digest == set.Digest) return null;
            throw new BuildInputException(
                $"OpenSet: application release {selection.Id} already exists in {records.Shown} as set {recorded?.Digest.Value ?? "(not a set)"}; " +
                $"the modules pushed here make set {set.Digest}. Overwritten version refused: a version names one set forever. Open it as a new " +
                    "version (--set).");
        }, ct).ConfigureAwait(false);

        var manifestFile = new Delivery.ApplicationDelivery.ApplicationPaths(build.RootDirectory).Directory / "sets"
            / $"{selection.Version}.manifest";
        manifestFile.Parent.CreateDirectory();
        await File.WriteAllTextAsync(manifestFile, set.Canonical, ct).ConfigureAwait(false);
        build.Log.Information(created
            ? $"Opened application release {set.Title} in {records.Shown}: " + Describe(next)
            : $"Application release {selection.Id} is already open as set {set.Digest}; nothing changed.");
        build.ReportSummary("set", $"{selection.Id} {set.Digest}");
    }

    private static ReleaseManifest? SetManifestOf(ReleaseRecord record)
    {
        try { return SetRecords.ManifestOf(record); }
        catch (ReleaseSetException e) { throw new BuildInputException(string.Join("\n", e.Problems)); }
    }

    private static string Describe(NextReleaseSet next) =>
        string.Join("; ", new[] { ("changed", next.Changed), ("added", next.Added), ("carried", next.Carried), ("removed", next.Removed) }
            .Where(p => p.Item2.Count > 0).Select(p => $"{p.Item1}: {string.Join(", ", p.Item2)}")) +
        "\n" + string.Join("\n", next.Manifest.Modules.Select(p => $"  {p.Module} {p.Version} image {p.ImageDigest} chart {p.ChartDigest}"));
}
