using Release.Engine;
using Release.Process.Evidence;
using Release.Releasing.Common;
using Release.Releasing.Records;

namespace Release.Releasing.Evidence;

/// <summary>What sealing a bundle gave: its manifest, the chain after linking it, and whether it was signed.</summary>
/// <param name="Manifest">The bundle's manifest (every file's SHA-256).</param>
/// <param name="Chain">The evidence chain with the bundle's link last.</param>
/// <param name="Signed">True when the manifest's statement and the link were signed.</param>
internal sealed record SealedEvidence(EvidenceManifest Manifest, HashChain Chain, bool Signed);

/// <summary>
/// Seals a written bundle, the same for a module's release and an application release: the manifest of every file's
/// SHA-256, its in-toto statement signed by whoever writes the evidence (in CI the job's key), and the manifest linked
/// into the hash chain with a signature over the new link (one commit to the records repository). A release is linked
/// once; a broken chain takes no new link.
/// </summary>
internal static class EvidenceSeal
{
    /// <summary>Seals the bundle in <paramref name="staging"/> as the evidence of <paramref name="releaseId"/>.</summary>
    /// <param name="build">The build.</param>
    /// <param name="records">The records repository, open.</param>
    /// <param name="releaseId">The release.</param>
    /// <param name="staging">The written bundle.</param>
    /// <param name="actor">Who links it (the commit's author).</param>
    /// <param name="verify">The command that verifies it, named when it was linked before.</param>
    /// <param name="ct">Cancels.</param>
    /// <exception cref="ReleaseRefusedException">Signing is required without a key, the chain is broken, or the release is linked already.</exception>
    public static async Task<SealedEvidence> SealAsync(IEvidence build, RecordsRepository records, string releaseId, AbsolutePath staging,
        string actor, string verify, CancellationToken ct)
    {
        var hashes = await EvidenceManifestFile.HashFilesAsync(staging, ct).ConfigureAwait(false);
        var manifest = EvidenceManifest.Create(releaseId, hashes.Select(h => new EvidenceFile(h.Key, h.Value)));
        await EvidenceManifestFile.WriteAsync(staging, manifest, ct).ConfigureAwait(false);
        var signer = records.Signer ?? (records.SigningRequired ? throw new ReleaseRefusedException(
            $"Evidence of {releaseId}: evidence is signed (the gate's roster names keys); pass --signing-key (in CI the job's key, " +
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
                    $"Evidence: the chain {EvidenceChainFile.File} in {records.Shown} is broken; nothing was added:\n- " +
                    string.Join("\n- ", broken));
            if (chain.Links.Any(l => l.ReleaseId == releaseId))
                throw new ReleaseRefusedException(
                    $"Evidence: release {releaseId} is already linked in the evidence chain; evidence is recorded once per release. Check it " +
                        $"with {verify}.");
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
            return $"{releaseId}: evidence manifest {manifest.Hash[..12]} linked";
        }, ct).ConfigureAwait(false);
        return new SealedEvidence(manifest, linked!, signer is not null);
    }
}
