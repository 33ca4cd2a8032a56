using Release.Process.Evidence;
using Release.Engine;
using Release.Process.Signing;
using Release.Releasing.Common;
using Release.Releasing.Records;

namespace Release.Releasing.Evidence;

/// <summary>What the VerifyEvidence target does: recomputes every file's SHA-256 and checks manifest and chain.</summary>
internal sealed class VerifyEvidenceStep(IEvidence build)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var selection = await ReleaseSelection.ResolveAsync(build, ct).ConfigureAwait(false);
        var folder = build.ReleasePaths.EvidenceDirectory(selection.Version.ToString());
        if (!Directory.Exists(folder))
            throw new ReleaseRefusedException($"VerifyEvidence: {folder} does not exist. Run ./build.sh Evidence --release {selection.Version}, or " +
                "fetch the evidence artifacts of that release.");
        var manifest = await EvidenceManifestFile.ReadAsync(folder, ct).ConfigureAwait(false);
        if (manifest.ReleaseId != selection.Id)
            throw new ReleaseRefusedException(
                $"VerifyEvidence: {folder / EvidenceManifestFile.Name} is the manifest of {manifest.ReleaseId}, not of {selection.Id}.");
        var records = await RecordsRepository.OpenAsync(build, ct).ConfigureAwait(false);
        await using var recordsDisposal = records.ConfigureAwait(false);
        var chain = await EvidenceChainFile.ReadAsync(records, ct).ConfigureAwait(false);
        var (trusted, from) = await TrustedKeysAsync(build, ct).ConfigureAwait(false);
        var findings = await FindingsAsync(folder, manifest, chain, records, trusted, ct).ConfigureAwait(false);
        if (findings.Count > 0)
            throw new ReleaseRefusedException(
                $"VerifyEvidence: the evidence of {selection.Id} is NOT intact ({folder}, chain {EvidenceChainFile.File} in {records.Shown}):\n- " +
                string.Join(
                    "\n- ",
                    findings) + "\nRestore the named files or chain links from the original artifacts and the records repository's history.");
        build.Log.Information($"Evidence of {selection.Id} is intact: {manifest.Files.Count} files match manifest {manifest.Hash}; chain of " +
            $"{chain.Links.Count} link(s) verified, head {chain.Head}; " +
                              $"the manifest's statement and every link are signed by trusted keys ({from})");
        build.ReportSummary("evidence", "intact");
    }

    /// <summary>
    /// Every problem of the bundle in <paramref name="folder"/>: changed, missing or extra files, broken chain links,
    /// and a manifest or link not signed by a trusted key; empty when the evidence is intact (also read by the dashboard).
    /// </summary>
    internal static async Task<List<string>> FindingsAsync(AbsolutePath folder, EvidenceManifest manifest, HashChain chain, RecordsRepository records,
        IReadOnlyCollection<SshPublicKey> trusted, CancellationToken ct)
    {
        var hashes = await EvidenceManifestFile.HashFilesAsync(folder, ct).ConfigureAwait(false);
        var findings = EvidenceVerifier.Verify(manifest, hashes, chain).Select(f => f.ToString()).ToList();
        findings.AddRange(SignedEvidence.Verify(manifest, await EvidenceManifestFile.ReadEnvelopeAsync(folder, ct).ConfigureAwait(false), chain,
            await EvidenceChainSignaturesFile.ReadAsync(records, ct).ConfigureAwait(false), trusted).Select(p => "NotSigned " + p));
        return findings;
    }

    /// <summary>
    /// The keys the verifier trusts: <c>--trusted-keys</c> (one public key line each), else the rosters of the build
    /// definition; never a key found in the bundle or the records.
    /// </summary>
    internal static async Task<(IReadOnlyCollection<SshPublicKey> Keys, string From)> TrustedKeysAsync(IEvidence build, CancellationToken ct)
    {
        if (build.TrustedKeys is not null)
        {
            var file = build.TrustedKeys.Trim();
            if (!File.Exists(file))
                throw new BuildInputException(
                    $"--trusted-keys: no file at '{file}'. Pass a file with one SSH public key per line (the .pub lines of who may sign evidence).");
            var keys = new List<SshPublicKey>();
            var number = 0;
            foreach (var line in await File.ReadAllLinesAsync(file, ct).ConfigureAwait(false))
            {
                number++;
                var text = line.Trim();
                if (text.Length == 0 || text.StartsWith('#')) continue;
                try { keys.Add(SshPublicKey.Parse(text, $"--trusted-keys {file} line {number}")); }
                catch (FormatException e) { throw new BuildInputException(e.Message); }
            }
            return (keys, $"--trusted-keys {file}");
        }
        return (RecordTrust.Rosters(build).SelectMany(r => r.Signers).SelectMany(s => s.Keys).Distinct()
            .ToArray(), "the roster of the build definition");
    }
}
