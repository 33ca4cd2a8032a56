using System.Text.Json;
using Release.Process.Approvals;
using Release.Process.Promotion;
using Release.Releasing.Approvals;
using Release.Releasing.Common;
using Release.Releasing.Quality;
using Release.Releasing.Records;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;

namespace Release.Releasing.Blessing;

/// <summary>What the Bless target does (rules: <see cref="BlessingRule"/>; this class gathers the facts and records).</summary>
internal sealed class BlessStep(IBless build)
{
    /// <summary>The pseudo-gate that carries the quality gate's result into the blessing rule.</summary>
    public const string QualityGateName = "quality";

    public async Task RunAsync(CancellationToken ct)
    {
        var selection = await ReleaseSelection.ResolveAsync(build, ct).ConfigureAwait(false);
        var paths = build.ReleasePaths;
        var actor = await People.ActorAsync(build, $"Bless release {selection.Id}", ct).ConfigureAwait(false);
        var source = await PipelineRecords.ReadSourceAsync(paths.Stages, ct).ConfigureAwait(false);
        var push = await StageRecord.ReadAsync<PushRecord>(paths.Stages.PushRecord, "Push", ct).ConfigureAwait(false);
        var chartDigest = await ChartDigestAsync(paths.Stages.ChartRecord, ct).ConfigureAwait(false);
        var channel = paths.ChannelRecord.FileExists()
            ? await StageRecord.ReadAsync<ChannelRecord>(paths.ChannelRecord, "QualityGate", ct).ConfigureAwait(false)
            : null;

        var records = await RecordsRepository.OpenAsync(build, ct).ConfigureAwait(false);
        await using var recordsDisposal = records.ConfigureAwait(false);
        var store = new ReleaseRecordStore(records);
        BlessingResult? result = null;
        var changed = await store.UpdateAsync(selection.Id, actor, $"blessed by {actor}", async (existing, token) =>
        {
            var record = existing
                ?? throw new ReleaseRefusedException($"Bless: release {selection.Id} has no record in {records.Shown}. Run OpenRelease first.");
            if (record.Created.Commit != source.Commit)
                throw new ReleaseRefusedException(
                    $"Bless: release {selection.Id} is commit {record.Created.Commit[..7]}, but this pipeline's artifacts " +
                        $"({paths.Stages.SourceRecord}) are commit {source.ShortCommit}. " +
                    "Bless from the pipeline that built the release.");
            var evidence = await PipelineEvidenceKeys.ReadAsync(paths, RecordTrust.Trusted(build, record), token).ConfigureAwait(false);
            var decisions = build.Gates.Select(g => GateEvaluation.Decide(build, g, record, evidence)).Append(Quality(selection, channel)).ToList();
            var required = build.Gates.Select(g => g.Environment).Where(e => GateEvaluation.IsProductionLike(build, e)).Append(QualityGateName)
                .ToArray();
            result = new BlessingRule(required, build.BlessedBranches, build.Clock).Evaluate(new BlessingInput(
                selection.Id, selection.Version, record.Created.Branch, push.Digest, chartDigest, decisions));
            if (!result.IsBlessed)
                throw new ReleaseRefusedException($"Bless: release {selection.Id} cannot be blessed:\n- " + string.Join("\n- ", result.Missing));
            if (RecordTrust.Trusted(build, record).Events.OfType<ReleaseBlessed>().LastOrDefault() is { } earlier)
            {
                if (earlier.ImageDigest == push.Digest && earlier.ChartDigest == chartDigest) return null;
                throw new ReleaseRefusedException(
                    $"Bless: release {selection.Id} was already blessed with image {earlier.ImageDigest} and chart {earlier.ChartDigest}; this " +
                        $"build has image {push.Digest} " +
                    $"and chart {chartDigest}. Overwritten version refused: build a new version.");
            }
            return record.Append(new ReleaseBlessed(result.Blessed!.BlessedAt, push.Digest, chartDigest));
        }, ct).ConfigureAwait(false);
        build.Log.Information(changed
            ? $"Blessed release {selection.Id}: image {push.Digest}, chart {chartDigest}"
            : $"Release {selection.Id} was already blessed with these digests; nothing changed.");
        build.ReportSummary("blessed", selection.Id);
        build.ReportSummary("image", push.Digest);
    }

    private static GateDecision Quality(ReleaseSelection selection, ChannelRecord? channel)
    {
        string[] blockers = channel switch
        {
            null => ["QualityGate has not run for this build (artifacts/release/channel.json is missing): run ./build.sh QualityGate."],
            _ when channel.Version != selection.Version.ToString() =>
                [$"artifacts/release/channel.json judged version {channel.Version}, not {selection.Version}: run ./build.sh QualityGate for this " +
                    "release."],
            _ when channel.Channel == "Stable" => [],
            _ => [$"QualityGate chose {channel.Channel ?? "no channel"} for {channel.Version}; blessing needs Stable. Missed: " +
                $"{string.Join("; ", channel.Failures)}"],
        };
        return new GateDecision(selection.Id, QualityGateName, [], blockers, []);
    }

    private static async Task<string> ChartDigestAsync(Engine.AbsolutePath file, CancellationToken ct)
    {
        if (!file.FileExists())
            throw new ReleaseRefusedException($"Bless needs the chart digest, but {file} is missing: run ./build.sh Chart first.");
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(file, ct).ConfigureAwait(false));
        var root = document.RootElement;
        var digest = root.TryGetProperty("manifestDigest", out var manifest) ? manifest.GetString()
            : root.TryGetProperty("digest", out var package) ? package.GetString() : null;
        return digest ?? throw new ReleaseRefusedException($"{file} has no digest: run ./build.sh Chart again.");
    }
}
