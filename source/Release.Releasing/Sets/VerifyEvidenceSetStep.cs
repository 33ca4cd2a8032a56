using Release.Engine;
using Release.Pipeline.Records;
using Release.Process.Applications.Releases;
using Release.Releasing.Common;
using Release.Releasing.Evidence;
using Release.Releasing.Records;

namespace Release.Releasing.Sets;

/// <summary>
/// What VerifyEvidenceSet does: every check of a module's bundle (<see cref="VerifyEvidenceStep.FindingsAsync"/>: each
/// file against the manifest, the manifest against its signed statement and the chain, every link signed by a trusted
/// key), then the set's own: the bundle's release manifest is canonical and hashes to the digest the set's trusted
/// record names, and each module's Push and Chart records name the digests the manifest pins.
/// </summary>
internal sealed class VerifyEvidenceSetStep(ISetEvidence build)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var selection = SetSelection.Of(build, "VerifyEvidenceSet");
        var folder = SetPaths.Evidence(build.RootDirectory, selection.Version);
        if (!Directory.Exists(folder))
            throw new ReleaseRefusedException($"VerifyEvidenceSet: {folder} does not exist. Run ./build.sh EvidenceSet --set {selection.Version}, " +
                "or fetch the evidence artifacts of that release.");
        var manifest = await EvidenceManifestFile.ReadAsync(folder, ct).ConfigureAwait(false);
        if (manifest.ReleaseId != selection.Id)
            throw new ReleaseRefusedException(
                $"VerifyEvidenceSet: {folder / EvidenceManifestFile.Name} is the manifest of {manifest.ReleaseId}, not of {selection.Id}.");
        var records = await RecordsRepository.OpenAsync(build, ct).ConfigureAwait(false);
        await using var recordsDisposal = records.ConfigureAwait(false);
        var chain = await EvidenceChainFile.ReadAsync(records, ct).ConfigureAwait(false);
        var (trusted, from) = await VerifyEvidenceStep.TrustedKeysAsync(build, ct).ConfigureAwait(false);
        var findings = await VerifyEvidenceStep.FindingsAsync(folder, manifest, chain, records, trusted, ct).ConfigureAwait(false);
        var set = (await ApplicationSets.ReadAsync(build, new ReleaseRecordStore(records), ct).ConfigureAwait(false))
            .Get(selection, "VerifyEvidenceSet", records.Shown);
        findings.AddRange(await SetFindingsAsync(folder, set, ct).ConfigureAwait(false));
        if (findings.Count > 0)
            throw new ReleaseRefusedException(
                $"VerifyEvidenceSet: the evidence of {selection.Id} is NOT intact ({folder}, chain {EvidenceChainFile.File} in " +
                $"{records.Shown}):\n- " + string.Join("\n- ", findings) +
                "\nRestore the named files or chain links from the original artifacts and the records repository's history.");
        build.Log.Information($"Evidence of application release {set.Title} is intact: release manifest {set.Digest}, {set.Modules.Count} " +
            $"module(s); {manifest.Files.Count} files match manifest {manifest.Hash}; chain of {chain.Links.Count} link(s) verified, head " +
            $"{chain.Head}; the manifest's statement and every link are signed by trusted keys ({from})");
        build.ReportSummary("evidence", "intact");
    }

    private static async Task<List<string>> SetFindingsAsync(AbsolutePath folder, ReleaseManifest set, CancellationToken ct)
    {
        var findings = new List<string>();
        var file = folder / SetEvidenceBundle.ManifestFile;
        if (!file.FileExists()) return [$"{SetEvidenceBundle.ManifestFile}: missing; the bundle does not hold the release manifest."];
        var text = await File.ReadAllTextAsync(file, ct).ConfigureAwait(false);
        try
        {
            var bundled = ReleaseManifest.Parse(text, SetEvidenceBundle.ManifestFile);
            if (bundled.Digest != set.Digest)
                findings.Add($"{SetEvidenceBundle.ManifestFile}: hashes to {bundled.Digest}, but the trusted record of {SetRecords.ReleaseId(set)} " +
                    $"names the set {set.Digest}.");
        }
        catch (ReleaseSetException e) { findings.AddRange(e.Problems); }
        foreach (var pin in set.Modules)
        {
            var push = folder / "modules" / pin.Module / "push" / "push.json";
            if (push.FileExists()
                && (await StageRecord.ReadAsync<PushRecord>(push, "Push", ct).ConfigureAwait(false)).Digest != pin.ImageDigest.Value)
                findings.Add($"modules/{pin.Module}/push/push.json: names another image than the pinned {pin.ImageDigest}.");
            var chart = folder / "modules" / pin.Module / "chart" / "chart.json";
            if (chart.FileExists()
                && (await StageRecord.ReadAsync<ChartRecord>(chart, "Chart", ct).ConfigureAwait(false)).ManifestDigest != pin.ChartDigest.Value)
                findings.Add($"modules/{pin.Module}/chart/chart.json: names another chart than the pinned {pin.ChartDigest}.");
        }
        return findings;
    }
}
