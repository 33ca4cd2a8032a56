using Release.Foundation.IO;
using Release.Process.Applications.Releases;
using Release.Releasing.Common;
using Release.Releasing.Evidence;
using Release.Releasing.Records;

namespace Release.Releasing.Sets;

/// <summary>
/// What EvidenceSet does: writes the application release's bundle (<see cref="SetEvidenceBundle"/>) into a staging
/// folder, seals it as a module's bundle is sealed (<see cref="EvidenceSeal"/>: manifest, signed statement, chain link),
/// then moves it into <c>artifacts/application/evidence/VERSION/</c>. Every finding (a module without results) is in the
/// bundle's <c>findings.json</c> and in the log.
/// </summary>
internal sealed class EvidenceSetStep(ISetEvidence build)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var selection = SetSelection.Of(build, "EvidenceSet");
        var actor = await People.ActorAsync(build, $"Evidence of application release {selection.Id}", ct).ConfigureAwait(false);
        var final = SetPaths.Evidence(build.RootDirectory, selection.Version);
        using var staged = StagedDirectory.Begin(final);
        var records = await RecordsRepository.OpenAsync(build, ct).ConfigureAwait(false);
        await using var recordsDisposal = records.ConfigureAwait(false);
        var store = new ReleaseRecordStore(records);
        var sets = await ApplicationSets.ReadAsync(build, store, ct).ConfigureAwait(false);
        var set = sets.Get(selection, "EvidenceSet", records.Shown);
        var record = await store.ReadAsync(selection.Id, ct).ConfigureAwait(false);
        var chain = await EvidenceChainFile.ReadAsync(records, ct).ConfigureAwait(false);
        var findings = await new SetEvidenceBundle(build, sets, set, record, chain, new(staged.StagingPath)).WriteAsync(ct).ConfigureAwait(false);
        var verify = $"./build.sh VerifyEvidenceSet --set {selection.Version}";
        var (manifest, linked, signed) = await EvidenceSeal.SealAsync(build, records, selection.Id, new(staged.StagingPath), actor, verify, ct)
            .ConfigureAwait(false);
        staged.Commit();

        foreach (var finding in findings) build.Log.Warning($"Evidence of {selection.Id}: {finding}");
        build.Log.Information($"Evidence of application release {set.Title}: {manifest.Files.Count} files in {final} " +
            $"({set.Modules.Count} module(s), {findings.Count} finding(s)), manifest {manifest.Hash}, chain head {linked.Head} " +
            $"({linked.Links.Count} release(s)){(signed ? ", signed" : "")}. Check it with {verify}.");
        build.ReportSummary("evidence", $"{manifest.Files.Count} files, {findings.Count} finding(s), chain {linked.Head[..12]}");
    }
}
