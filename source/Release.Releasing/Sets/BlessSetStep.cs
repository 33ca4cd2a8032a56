using Release.Engine;
using Release.Process.Applications.Releases;
using Release.Process.Approvals;
using Release.Process.Promotion;
using Release.Releasing.Approvals;
using Release.Releasing.Common;
using Release.Releasing.Records;

namespace Release.Releasing.Sets;

/// <summary>
/// What BlessSet does: <see cref="SetBlessing"/> decides on the set's trusted record (every production-like gate passed
/// on the set, a blessed branch, stable versions of the set and of every module), and the blessing is recorded naming
/// the set's digest, which pins every module's image and chart. A set blessed once stays as it was blessed: the same
/// blessing again changes nothing, and the set's version can never name other digests (OpenSet refuses them).
/// </summary>
internal sealed class BlessSetStep(IReleaseSets build)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var selection = SetSelection.Of(build, "BlessSet");
        var actor = await People.ActorAsync(build, $"Bless application release {selection.Id}", ct).ConfigureAwait(false);
        var records = await RecordsRepository.OpenAsync(build, ct).ConfigureAwait(false);
        await using var recordsDisposal = records.ConfigureAwait(false);
        var store = new ReleaseRecordStore(records);
        var set = (await ApplicationSets.ReadAsync(build, store, ct).ConfigureAwait(false)).Get(selection, "BlessSet", records.Shown);
        SetSubject.Check(build, set, "Blessing");

        var changed = await store.UpdateAsync(selection.Id, actor, $"set {set.Digest} blessed by {actor}", async (existing, token) =>
        {
            var record = existing!;
            var trusted = RecordTrust.Trusted(build, record);
            if (trusted.Events.OfType<ReleaseBlessed>().LastOrDefault() is { } earlier)
            {
                if (earlier.ImageDigest == set.Digest.Value && earlier.ChartDigest == set.Digest.Value) return null;
                throw new BuildInputException(
                    $"BlessSet: application release {selection.Id} was already blessed as set {earlier.ImageDigest}, not {set.Digest}. " +
                    "A blessed set is immutable: release the change as a new version (OpenSet --set NEW-VERSION).");
            }
            var evidence = await PipelineEvidenceKeys.ReadAsync(build.ReleasePaths, trusted, token).ConfigureAwait(false);
            var decisions = build.Gates.Select(g => GateEvaluation.Decide(build, g, record, evidence)).ToList();
            var required = build.Gates.Select(g => g.Environment).Where(e => GateEvaluation.IsProductionLike(build, e)).ToArray();
            var result = SetBlessing.Evaluate(new BlessingRule(required, build.BlessedBranches, build.Clock), set, record.Created.Branch, decisions);
            if (!result.IsBlessed)
                throw new ReleaseRefusedException(
                    $"BlessSet: application release {set.Title} cannot be blessed:\n- " + string.Join("\n- ", result.Missing));
            return record.Append(SetRecords.Blessing(set, result.Blessed!.BlessedAt));
        }, ct).ConfigureAwait(false);
        build.Log.Information(changed
            ? $"Blessed application release {set.Title}: production takes exactly these digests:\n" +
              string.Join("\n", set.Modules.Select(p => $"  {p.Module} {p.Version} image {p.ImageDigest} chart {p.ChartDigest}"))
            : $"Application release {selection.Id} was already blessed as set {set.Digest}; nothing changed.");
        build.ReportSummary("blessed", $"{selection.Id} {set.Digest}");
    }
}
