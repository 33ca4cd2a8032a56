using Release.Pipeline.Records;
using Release.Releasing.Common;

namespace Release.Releasing.Versioning;

/// <summary>
/// What the Version target does: reports the version Clone computed and records it in
/// <c>artifacts/release/version.json</c> (for the evidence). It reads Clone's record and never writes it: the version
/// is computed once, in Clone, and Build, Push and Chart have used it.
/// </summary>
internal sealed class VersionStep(IVersioning build)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var paths = build.ReleasePaths;
        var source = await PipelineRecords.ReadSourceAsync(paths.Stages, ct).ConfigureAwait(false);
        if (source.Channel is null || source.ImageTags is null)
            throw new InvalidOperationException(
                $"Version: {paths.Stages.SourceRecord} has no version details (it was written by an older Clone). Run Clone again.");

        var record = new VersionRecord(source.Version, source.ChartVersion, source.BaseVersion ?? "", source.Bump ?? "", source.Channel,
            source.VersionBranch ?? source.Branch ?? "detached", source.BranchModel ?? "", source.Commit, source.ShortCommit, source.ReleaseType,
            source.VersionReason ?? "", source.ImageTags);
        await StageRecord.WriteAsync(paths.VersionRecord, record, ct).ConfigureAwait(false);
        build.Log.Information($"Version {record.Version} ({record.Channel}, base {record.BaseVersion}, {record.Bump} bump): {record.Reason}");
        build.ReportSummary("version", record.Version);
        build.ReportSummary("channel target", record.Channel);
    }
}
