using Release.Engine;
using Release.Foundation.IO;
using Release.Process.Evidence;
using Release.Releasing.Common;
using Release.Releasing.Records;

namespace Release.Releasing.Evidence;

/// <summary>
/// What the Evidence target does: writes the bundle into a staging folder, links its manifest into the chain (one
/// commit to the records repository), then moves the folder into place. A release is linked once; a failure leaves
/// neither a bundle nor a link.
/// </summary>
internal sealed class EvidenceStep(IEvidence build)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var selection = await ReleaseSelection.ResolveAsync(build, ct).ConfigureAwait(false);
        var actor = await People.ActorAsync(build, $"Evidence of release {selection.Id}", ct).ConfigureAwait(false);
        var final = build.ReleasePaths.EvidenceDirectory(selection.Version.ToString());
        using var staged = StagedDirectory.Begin(final);
        var staging = new AbsolutePath(staged.StagingPath);
        var records = await RecordsRepository.OpenAsync(build, ct).ConfigureAwait(false);
        await using var recordsDisposal = records.ConfigureAwait(false);
        var record = await new ReleaseRecordStore(records).ReadAsync(selection.Id, ct).ConfigureAwait(false);
        await new EvidenceBundle(build, record, staging).WriteAsync(ct).ConfigureAwait(false);
        var sealedEvidence = await EvidenceSeal.SealAsync(build, records, selection.Id, staging, actor,
            $"./build.sh VerifyEvidence --release {selection.Version}", ct).ConfigureAwait(false);
        var (manifest, linked) = (sealedEvidence.Manifest, sealedEvidence.Chain);

        staged.Commit();
        build.Log.Information($"Evidence of {selection.Id}: {manifest.Files.Count} files in {final}, manifest {manifest.Hash}, chain head " +
            $"{linked.Head} ({linked.Links.Count} release(s))");
        build.ReportSummary("evidence", $"{manifest.Files.Count} files, chain {linked.Head[..12]}");
        await ChatOps.ReleaseChannel.ReportAsync(build, $"Evidence of {selection.Id} recorded",
            [("Files", manifest.Files.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Manifest", manifest.Hash),
             ("Chain head", linked.Head), ("Signed", !sealedEvidence.Signed
                 ? "no (no roster keys)"
                 : "yes"), ("Verify", $"./build.sh VerifyEvidence --release {selection.Version}")], ct).ConfigureAwait(false);
    }
}
