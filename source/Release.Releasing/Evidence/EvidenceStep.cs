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
        var hashes = await EvidenceManifestFile.HashFilesAsync(staging, ct).ConfigureAwait(false);
        var manifest = EvidenceManifest.Create(selection.Id, hashes.Select(h => new EvidenceFile(h.Key, h.Value)));
        await EvidenceManifestFile.WriteAsync(staging, manifest, ct).ConfigureAwait(false);
        // The manifest's in-toto statement, signed by whoever writes the evidence (in CI the job's key).
        var signer = records.Signer ?? (records.SigningRequired ? throw new ReleaseRefusedException(
            $"Evidence of {selection.Id}: evidence is signed (the gate's roster names keys); pass --signing-key (in CI the job's key, " +
                "SIGNING_KEY).") : null);
        if (signer is not null)
            await EvidenceManifestFile.WriteEnvelopeAsync(staging,
                await DsseEnvelope.SignAsync(EvidenceStatement.PayloadType, EvidenceStatement.Create(manifest), signer, ct)
                    .ConfigureAwait(false), ct).ConfigureAwait(false);

        HashChain? linked = null;
        await records.CommitAsync(actor, async token =>
        {
            var chain = await EvidenceChainFile.ReadAsync(records, token).ConfigureAwait(false);
            if (EvidenceVerifier.VerifyChain(chain) is { Count: > 0 } broken)
                throw new ReleaseRefusedException(
                    $"Evidence: the chain {EvidenceChainFile.File} in {records.Shown} is broken; nothing was added:\n- " + string.Join("\n- " +
                        "", broken));
            if (chain.Links.Any(l => l.ReleaseId == selection.Id))
                throw new ReleaseRefusedException(
                    $"Evidence: release {selection.Id} is already linked in the evidence chain; evidence is recorded once per release. Check it " +
                        $"with ./build.sh VerifyEvidence --release {selection.Version}.");
            linked = chain.Append(manifest);
            await EvidenceChainFile.WriteAsync(records, linked, token).ConfigureAwait(false);
            if (signer is not null)
            {
                var head = linked.Links[^1];
                var signature = await signer.SignAsync(SignedEvidence.ChainMessage(head.ReleaseId, head.ChainHash), DsseEnvelope.Namespace, token)
                    .ConfigureAwait(false);
                await EvidenceChainSignaturesFile.WriteAsync(records,
                    [.. await EvidenceChainSignaturesFile.ReadAsync(records, token)
                        .ConfigureAwait(false), new ChainSignature(head.ReleaseId, head.ChainHash, signature)], token).ConfigureAwait(false);
            }
            return $"{selection.Id}: evidence manifest {manifest.Hash[..12]} linked";
        }, ct).ConfigureAwait(false);

        staged.Commit();
        build.Log.Information($"Evidence of {selection.Id}: {manifest.Files.Count} files in {final}, manifest {manifest.Hash}, chain head " +
            $"{linked!.Head} ({linked.Links.Count} release(s))");
        build.ReportSummary("evidence", $"{manifest.Files.Count} files, chain {linked.Head[..12]}");
        await ChatOps.ReleaseChannel.ReportAsync(build, $"Evidence of {selection.Id} recorded",
            [("Files", manifest.Files.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Manifest", manifest.Hash),
             ("Chain head", linked.Head), ("Signed", signer is null
                 ? "no (no roster keys)"
                 : "yes"), ("Verify", $"./build.sh VerifyEvidence --release {selection.Version}")], ct).ConfigureAwait(false);
    }
}
