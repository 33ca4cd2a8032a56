using System.Text.Json;
using Release.Engine;
using Release.Process.Approvals;
using Release.Process.Promotion;
using Release.Releasing.Approvals;
using Release.Releasing.Common;
using Release.Releasing.Evidence;
using Release.Releasing.Records;
using Release.Pipeline;
using Release.Pipeline.Records;

namespace Release.Releasing.Overview;

/// <summary>
/// Reads every release of the records repository for people to see (the release dashboard): the verified record,
/// each gate's decision, the channel and the evidence bundle's verification. Reads only; records nothing.
/// </summary>
public static class ReleaseOverview
{
    /// <summary>Every release, oldest first.</summary>
    /// <param name="build">The build (records repository, gates, rosters, artifacts).</param>
    /// <param name="ct">Cancellation.</param>
    public static async Task<IReadOnlyList<ReleaseState>> ReadAsync(IEvidence build, CancellationToken ct)
    {
        var records = await RecordsRepository.OpenAsync(build, ct).ConfigureAwait(false);
        await using var recordsDisposal = records.ConfigureAwait(false);
        var store = new ReleaseRecordStore(records);
        var chain = await EvidenceChainFile.ReadAsync(records, ct).ConfigureAwait(false);
        var keys = RecordTrust.Rosters(build).SelectMany(r => r.Signers).SelectMany(s => s.Keys).Distinct().ToArray();
        var states = new List<ReleaseState>();
        foreach (var stored in (await store.ReadAllAsync(ct).ConfigureAwait(false)).OrderBy(r => r.Created.At))
        {
            var verified = RecordTrust.Verify(build, stored);
            if (verified.Trusted is not { } record)
            {
                build.Log.Warning($"Release {stored.ReleaseId} is left out: {string.Join(" ", verified.Refused)}");
                continue;
            }
            var folder = build.ReleasePaths.EvidenceDirectory(record.Created.Version);
            EvidenceCheck? evidence = null;
            string? channel = null;
            DateTimeOffset? commitAt = null;
            if (File.Exists(folder / EvidenceManifestFile.Name))
            {
                var manifest = await EvidenceManifestFile.ReadAsync(folder, ct).ConfigureAwait(false);
                var findings = await VerifyEvidenceStep.FindingsAsync(folder, manifest, chain, records, keys, ct).ConfigureAwait(false);
                if (manifest.ReleaseId != record.ReleaseId) findings.Insert(0, $"The manifest is of {manifest.ReleaseId}, not of {record.ReleaseId}");
                evidence = new EvidenceCheck(folder, findings.Count == 0, findings);
                channel = await ChannelOfAsync(folder / "quality" / "channel.json", ct).ConfigureAwait(false);
                commitAt = await CommitTimeAsync(folder / "source" / "commits.json", record.Created.Commit, ct).ConfigureAwait(false);
            }
            // The pipeline evidence in artifacts/ is this checkout's build: it speaks for its own release only. Other
            // releases keep theirs in their evidence bundle (record/checklist.json), which counts only when intact.
            var current = build.ReleasePaths.CommitsRecord.FileExists()
                && (await StageRecord.ReadAsync<CommitsRecord>(build.ReleasePaths.CommitsRecord, "OpenRelease", ct).ConfigureAwait(false))
                    .Commit == record.Created.Commit;
            var keysRecorded = current ? await PipelineEvidenceKeys.ReadAsync(build.ReleasePaths, record, ct).ConfigureAwait(false)
                : evidence is { Intact: true }
                    ? await BundleEvidenceKeysAsync(folder / "record" / "checklist.json", ct).ConfigureAwait(false)
                    : new HashSet<string>();
            var gates = build.Gates.Select(g => GateEvaluation.Decide(build, g, stored, keysRecorded)).ToList();
            states.Add(new ReleaseState(record, verified.Refused, gates, channel, evidence) { CommitAt = commitAt });
        }
        return states;
    }

    /// <summary>Every deployment in time order, a rollback counted as a deployment of the version it restored (as Rollback reasons).</summary>
    /// <param name="records">The verified records.</param>
    public static IReadOnlyList<Deployment> Deployments(IReadOnlyList<ReleaseRecord> records) => ReleaseHistory.From(records).Deployments;

    // The pipeline evidence keys the bundle recorded as satisfying checklist items when it was written.
    private static async Task<IReadOnlySet<string>> BundleEvidenceKeysAsync(AbsolutePath file, CancellationToken ct)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (!file.FileExists()) return keys;
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(file, ct).ConfigureAwait(false));
        foreach (var gate in json.RootElement.EnumerateArray())
            if (gate.TryGetProperty("items", out var items))
                foreach (var item in items.EnumerateArray())
                    if (item.TryGetProperty("evidence", out var key) && key.ValueKind == JsonValueKind.String) keys.Add(key.GetString()!);
        return keys;
    }

    // The author date of the release's commit, from the commits the bundle kept (short ids).
    private static async Task<DateTimeOffset?> CommitTimeAsync(AbsolutePath file, string commit, CancellationToken ct)
    {
        if (!file.FileExists()) return null;
        var commits = await StageRecord.ReadAsync<CommitsRecord>(file, "OpenRelease", ct).ConfigureAwait(false);
        return commits.Commits.FirstOrDefault(c => c.Sha.Length > 0 && commit.StartsWith(c.Sha, StringComparison.OrdinalIgnoreCase))?.Date;
    }

    private static async Task<string?> ChannelOfAsync(AbsolutePath file, CancellationToken ct)
    {
        if (!File.Exists(file)) return null;
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(file, ct).ConfigureAwait(false));
        return json.RootElement.TryGetProperty("channel", out var channel) && channel.ValueKind == JsonValueKind.String ? channel.GetString()
            : json.RootElement.TryGetProperty("releasable", out var releasable) && releasable.ValueKind == JsonValueKind.False
                ? "not releasable"
                : null;
    }
}
