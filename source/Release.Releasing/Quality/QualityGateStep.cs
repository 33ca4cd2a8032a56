using Release.Process.Quality;
using Release.Process.Versioning;
using Release.Releasing.Common;
using Release.SemVer;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;

namespace Release.Releasing.Quality;

/// <summary>What the QualityGate target does.</summary>
internal sealed class QualityGateStep(IQualityGate build)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var paths = build.ReleasePaths;
        if (paths.ChannelRecord.FileExists()) File.Delete(paths.ChannelRecord);
        var (version, target) = await TargetChannelAsync(paths, ct).ConfigureAwait(false);
        var metrics = await QualityMetricsReader.ReadAsync(paths.Stages, build.Log, ct).ConfigureAwait(false);
        ChannelDecision decision;
        try
        {
            decision = new ChannelSelector(build.QualityPolicy, build.Clock).Select(metrics, target);
        }
        catch (ArgumentException e)
        {
            throw new ReleaseRefusedException($"QualityGate: the metrics of {version} are impossible: {e.Message}", e);
        }

        var record = new ChannelRecord(version, target.ToString(), decision.Channel?.ToString(), decision.IsReleasable,
            decision.Failures.Select(f => f.ToString()).ToArray(), metrics, build.Clock.GetUtcNow());
        await StageRecord.WriteAsync(paths.ChannelRecord, record, ct).ConfigureAwait(false);

        build.Log.Information($"Unit tests {metrics.UnitTests.Passed}/{metrics.UnitTests.Executed} passed, coverage " +
            $"{QualityMetricsReader.Percent(metrics.LineCoverage)} lines / " +
                              $"{QualityMetricsReader.Percent(metrics.BranchCoverage)} branches, vulnerabilities critical " +
                                  $"{metrics.Vulnerabilities.Critical} high {metrics.Vulnerabilities.High}, " +
                              $"integration {metrics.IntegrationTests.Passed}/{metrics.IntegrationTests.Executed}, advisory sources " +
                                  $"{metrics.AdvisorySources.Count}");
        foreach (var failure in decision.Failures) build.Log.Warning("missed " + failure);
        build.ReportSummary("channel", decision.Channel?.ToString().ToLowerInvariant() ?? "not releasable");
        if (!decision.IsReleasable)
            throw new ReleaseRefusedException(
                $"QualityGate: {version} is not releasable: it misses even the lowest channel. Failed rules:\n" +
                string.Join('\n', decision.Failures.Select(f => "- " + f)) +
                "\nFix the failing tests, coverage or findings (or the thresholds in the build definition's QualityPolicy).");
        build.Log.Information(decision.Summary());
    }

    // The branch's channel comes from Clone's record, the one source of the version (version.json is its copy for
    // the evidence); a record of an older Clone has no channel: then a stable version aims for stable, a pre-release
    // for its label's channel.
    private static async Task<(string Version, ReleaseChannel Target)> TargetChannelAsync(Common.ReleasePaths paths, CancellationToken ct)
    {
        var source = await PipelineRecords.ReadSourceAsync(paths.Stages, ct).ConfigureAwait(false);
        if (source.Channel is not null)
            return (source.Version, Enum.Parse<ReleaseChannel>(source.Channel));
        var version = SemanticVersion.Parse(source.Version, paths.Stages.SourceRecord);
        var label = version.PreRelease.FirstOrDefault()?.ToLowerInvariant();
        var channel = !version.IsPreRelease ? ReleaseChannel.Stable : label == "beta" ? ReleaseChannel.Beta : ReleaseChannel.Alpha;
        return (source.Version, channel);
    }
}
