using Release.Engine;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Process.Applications.Releases;
using Release.Process.Evidence;
using Release.Releasing.Evidence;

namespace Release.Releasing.Sets;

/// <summary>
/// Puts one module's results into an application release's bundle, under <c>modules/MODULE/</c> in the layout of
/// <c>artifacts/modules/MODULE/</c> (Clone, Push and Chart records, unit tests with coverage, scan with SBOMs,
/// integration). They are taken from this pipeline when it built the module at its pin (its Push and Chart records name
/// the pinned digests); a module carried at its pin takes them from the evidence of an earlier set that pins it the
/// same, when that bundle is here and intact (its manifest linked in the chain, every copied file as it lists it).
/// Found nowhere, or incomplete: a finding naming the module and what is missing.
/// </summary>
internal sealed class ModuleResults(AbsolutePath root, ApplicationSets sets, HashChain chain, EvidenceFolder bundle)
{
    private static readonly string[] Files = ["clone/source.json", "push/push.json", "chart/chart.json"];
    private static readonly string[] Folders = ["unit-tests", "scan", "integration"];

    public async Task<ModuleEvidence> CopyAsync(ReleaseManifest set, ModulePin pin, ModuleChangeKind change, CancellationToken ct)
    {
        var findings = new List<string>();
        var here = new PipelinePaths(root, pin.Module).ModuleArtifacts;
        var notHere = await MismatchAsync(here, pin, ct).ConfigureAwait(false);
        string? from = null;
        if (notHere is null)
        {
            await CopyFromAsync(here, pin.Module, ct).ConfigureAwait(false);
            from = $"{Shown(here)} (built in this pipeline)";
        }
        var pinning = sets.Sets.Where(s => s.Version < set.Version && s.PinOf(pin.Module)?.SameArtefactsAs(pin) == true)
            .OrderByDescending(s => s.Version).ToList();
        foreach (var earlier in from is null ? pinning : [])
        {
            var folder = SetPaths.Evidence(root, earlier.Version);
            if (!Directory.Exists(folder / "modules" / pin.Module)) continue;
            var problem = await NotIntactAsync(folder, SetRecords.ReleaseId(earlier), pin.Module, ct).ConfigureAwait(false)
                ?? await MismatchAsync(folder / "modules" / pin.Module, pin, ct).ConfigureAwait(false);
            if (problem is not null)
            {
                findings.Add($"module '{pin.Module}' {pin.Version}: the results in {Shown(folder)} were not taken: {problem}.");
                continue;
            }
            await CopyFromAsync(folder / "modules" / pin.Module, pin.Module, ct).ConfigureAwait(false);
            from = $"the evidence of {SetRecords.ReleaseId(earlier)} ({Shown(folder / "modules" / pin.Module)})";
            break;
        }
        if (from is null)
            findings.Add($"module '{pin.Module}' {pin.Version}: no results: this pipeline did not build it at its pin ({notHere}), and " +
                (pinning.Count == 0 ? "no earlier set pins it" : "no intact evidence of a set that pins it (" +
                    string.Join(", ", pinning.Select(s => Shown(SetPaths.Evidence(root, s.Version)))) + ") is here") +
                ". Fetch the module's results (or that set's evidence), then write the evidence again.");
        else
            findings.AddRange((await ModuleResultKinds.MissingAsync(bundle.Path / "modules" / pin.Module, ct).ConfigureAwait(false))
                .Select(m => $"module '{pin.Module}' {pin.Version}: {m} in its results from {from}."));
        return new ModuleEvidence(pin.Module, pin.Version.ToString(), pin.ImageDigest.Value, pin.ChartDigest.Value, change.ToString(),
            SetRecords.ReleaseId(BuiltIn(set, pin)), from, findings);
    }

    // The set whose pipeline built the pin: the earliest of the sets up to this one that pin the module the same, without a gap.
    private ReleaseManifest BuiltIn(ReleaseManifest set, ModulePin pin)
    {
        var first = set;
        foreach (var earlier in sets.Sets.Where(s => s.Version < set.Version).OrderByDescending(s => s.Version))
        {
            if (earlier.PinOf(pin.Module)?.SameArtefactsAs(pin) != true) break;
            first = earlier;
        }
        return first;
    }

    // Why the results in a module folder are not those of the pin (null when its Push and Chart records name the pinned digests).
    private async Task<string?> MismatchAsync(AbsolutePath results, ModulePin pin, CancellationToken ct)
    {
        if (!(results / "push" / "push.json").FileExists()) return $"no Push record in {Shown(results)}";
        var push = await StageRecord.ReadAsync<PushRecord>(results / "push" / "push.json", "Push", ct).ConfigureAwait(false);
        if (push.Digest != pin.ImageDigest.Value) return $"{Shown(results)} holds image {push.Digest}, not {pin.ImageDigest}";
        if (!(results / "chart" / "chart.json").FileExists()) return $"no Chart record in {Shown(results)}";
        var chart = await StageRecord.ReadAsync<ChartRecord>(results / "chart" / "chart.json", "Chart", ct).ConfigureAwait(false);
        return chart.ManifestDigest == pin.ChartDigest.Value ? null : $"{Shown(results)} holds chart {chart.ManifestDigest}, not {pin.ChartDigest}";
    }

    // Why an earlier set's bundle cannot vouch for the module's files (null when its manifest is the chain's and lists them as they are).
    private async Task<string?> NotIntactAsync(AbsolutePath folder, string releaseId, string module, CancellationToken ct)
    {
        var manifest = await EvidenceManifestFile.ReadAsync(folder, ct).ConfigureAwait(false);
        if (manifest.ReleaseId != releaseId) return $"its manifest is of {manifest.ReleaseId}, not {releaseId}";
        if (chain.Links.FirstOrDefault(l => l.ReleaseId == releaseId)?.ManifestHash != manifest.Hash)
            return $"its manifest is not the one linked for {releaseId} in the evidence chain";
        var listed = manifest.Files.ToDictionary(f => f.Path, f => f.Sha256, StringComparer.Ordinal);
        var prefix = $"modules/{module}/";
        var hashes = await EvidenceManifestFile.HashFilesAsync(folder, ct).ConfigureAwait(false);
        foreach (var (path, sha) in hashes.Where(h => h.Key.StartsWith(prefix, StringComparison.Ordinal)))
            if (!listed.TryGetValue(path, out var expected) || expected != sha) return $"{path} is not as its manifest lists it";
        return null;
    }

    private async Task CopyFromAsync(AbsolutePath results, string module, CancellationToken ct)
    {
        foreach (var file in Files) await bundle.CopyAsync(results / file, $"modules/{module}/{file}", ct).ConfigureAwait(false);
        foreach (var folder in Folders) await bundle.CopyFolderAsync(results / folder, $"modules/{module}/{folder}", ct).ConfigureAwait(false);
    }

    private string Shown(AbsolutePath path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
