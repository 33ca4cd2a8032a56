using System.Text;
using Release.Process.Signing;

namespace Release.Process.Evidence;

/// <summary>A chain link's signature: who linked a release's evidence signs the chain hash it produced.</summary>
/// <param name="ReleaseId">The release linked.</param>
/// <param name="ChainHash">The chain hash after linking it.</param>
/// <param name="Signature">SSHSIG (armored) over <see cref="SignedEvidence.ChainMessage"/>.</param>
public sealed record ChainSignature(string ReleaseId, string ChainHash, string Signature);

/// <summary>
/// Checks an evidence bundle's signatures against keys the verifier trusts (given to it, never read from the bundle):
/// the DSSE envelope around the manifest's in-toto statement must verify and say what the manifest says, and every
/// chain link must carry a verifying signature over its hash. A bundle rewritten consistently (files, manifest and
/// chain recomputed) then fails, naming what does not verify.
/// </summary>
public static class SignedEvidence
{
    /// <summary>What a chain link's signature covers.</summary>
    public static byte[] ChainMessage(string releaseId, string chainHash) =>
        Encoding.UTF8.GetBytes($"release-evidence-chain/v1\n{releaseId}\n{chainHash}\n");

    /// <summary>Every signature problem, by name; empty when the manifest and the whole chain verify.</summary>
    public static IReadOnlyList<string> Verify(EvidenceManifest manifest, DsseEnvelope? envelope, HashChain chain,
        IReadOnlyList<ChainSignature> chainSignatures, IReadOnlyCollection<SshPublicKey> trusted)
    {
        var problems = new List<string>();
        if (trusted.Count == 0)
            problems.Add(
                "no trusted keys were given, so nothing can be verified: pass --trusted-keys FILE (the public keys of who may sign evidence).");
        else if (envelope is null)
            problems.Add($"manifest.dsse.json (the signed statement of {manifest.ReleaseId}'s manifest) is missing.");
        else if (envelope.PayloadType != EvidenceStatement.PayloadType)
            problems.Add($"manifest.dsse.json has payload type '{envelope.PayloadType}', not {EvidenceStatement.PayloadType}.");
        else
        {
            var (payload, _, refusal) = envelope.Verify(trusted);
            if (payload is null) problems.Add($"manifest.dsse.json does not verify with any trusted key: {refusal}.");
            else if (EvidenceStatement.Read(payload) is not { } statement) problems.Add(
                "manifest.dsse.json verifies but is not an evidence-manifest statement.");
            else
            {
                if (statement.ReleaseId != manifest.ReleaseId) problems.Add(
                    $"the signed statement is of {statement.ReleaseId}, not {manifest.ReleaseId}.");
                if (statement.ManifestHash != manifest.Hash)
                    problems.Add(
                        $"manifest.json (hash {manifest.Hash[..12]}) is not the manifest that was signed (hash {statement.ManifestHash[..12]}).");
                foreach (var file in manifest.Files.Where(f => !statement.Files.TryGetValue(f.Path, out var signed) || signed != f.Sha256))
                    problems.Add($"{file.Path}: its SHA-256 in manifest.json is not the one " +
                        $"signed{(statement.Files.ContainsKey(file.Path) ? "" : " (not in the signed statement)")}.");
                foreach (var path in statement.Files.Keys.Where(p => manifest.Files.All(f => f.Path != p)))
                    problems.Add($"{path}: signed, but no longer in manifest.json.");
            }
        }
        if (trusted.Count > 0)
            foreach (var link in chain.Links)
            {
                var signed = chainSignatures.LastOrDefault(s => s.ReleaseId == link.ReleaseId && s.ChainHash == link.ChainHash);
                if (signed is null)
                {
                    problems.Add($"chain link of {link.ReleaseId} (hash {link.ChainHash[..12]}) carries no signature over that hash.");
                    continue;
                }
                try
                {
                    var (key, refusal) = SshSignature.Parse(signed.Signature)
                        .Verify(ChainMessage(link.ReleaseId, link.ChainHash), DsseEnvelope.Namespace, trusted);
                    if (key is null) problems.Add($"chain link of {link.ReleaseId}: {refusal}.");
                }
                catch (FormatException e) { problems.Add($"chain link of {link.ReleaseId}: signature unreadable ({e.Message})."); }
            }
        return problems;
    }
}
