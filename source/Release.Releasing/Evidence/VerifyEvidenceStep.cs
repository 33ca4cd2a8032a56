using Release.Process.Evidence;
using Release.Releasing.Common;
using Release.Releasing.Records;

namespace Release.Releasing.Evidence;

/// <summary>What the VerifyEvidence target does: recomputes every file's SHA-256 and checks manifest and chain.</summary>
internal sealed class VerifyEvidenceStep(IEvidence build)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var selection = await ReleaseSelection.ResolveAsync(build, ct);
        var folder = build.ReleasePaths.EvidenceDirectory(selection.Version.ToString());
        if (!Directory.Exists(folder))
            throw new ReleaseRefusedException($"VerifyEvidence: {folder} does not exist. Run ./build.sh Evidence --release {selection.Version}, or fetch the evidence artifacts of that release.");
        var manifest = await EvidenceManifestFile.ReadAsync(folder, ct);
        if (manifest.ReleaseId != selection.Id)
            throw new ReleaseRefusedException($"VerifyEvidence: {folder / EvidenceManifestFile.Name} is the manifest of {manifest.ReleaseId}, not of {selection.Id}.");
        var hashes = await EvidenceManifestFile.HashFilesAsync(folder, ct);
        await using var records = await RecordsRepository.OpenAsync(build, ct);
        var chain = await EvidenceChainFile.ReadAsync(records, ct);
        var findings = EvidenceVerifier.Verify(manifest, hashes, chain);
        if (findings.Count > 0)
            throw new ReleaseRefusedException(
                $"VerifyEvidence: the evidence of {selection.Id} is NOT intact ({folder}, chain {EvidenceChainFile.File} in {records.Shown}):\n- " +
                string.Join("\n- ", findings) + "\nRestore the named files or chain links from the original artifacts and the records repository's history.");
        build.Log.Information($"Evidence of {selection.Id} is intact: {manifest.Files.Count} files match manifest {manifest.Hash}; chain of {chain.Links.Count} link(s) verified, head {chain.Head}");
        build.ReportSummary("evidence", "intact");
    }
}
