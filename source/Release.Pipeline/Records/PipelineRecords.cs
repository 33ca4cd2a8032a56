using Release.Engine;

namespace Release.Pipeline.Records;

/// <summary>Reads the upstream records stages need; optional ones return null instead of failing.</summary>
public static class PipelineRecords
{
    /// <summary>Clone's record, or null when Clone did not run (e.g. a build without the Clone stage).</summary>
    public static async Task<SourceRecord?> TryReadSourceAsync(PipelinePaths paths, CancellationToken ct) =>
        paths.SourceRecord.FileExists() ? await StageRecord.ReadAsync<SourceRecord>(paths.SourceRecord, "Clone", ct).ConfigureAwait(false) : null;

    /// <summary>Clone's record; the error says to run Clone.</summary>
    public static Task<SourceRecord> ReadSourceAsync(PipelinePaths paths, CancellationToken ct) =>
        StageRecord.ReadAsync<SourceRecord>(paths.SourceRecord, "Clone", ct);

    /// <summary>Build's record; the error says to run Build. Starts the embedded registry when the image is in it.</summary>
    public static async Task<ImageRecord> ReadImageAsync(IPipeline build, CancellationToken ct)
    {
        var image = await StageRecord.ReadAsync<ImageRecord>(build.Paths.ImageRecord, "Build", ct).ConfigureAwait(false);
        await build.EmbeddedRegistry.EnsureRunningAsync(image.Registry, ct).ConfigureAwait(false);
        return image;
    }

    /// <summary>Push's record; the error says to run Push. Starts the embedded registry when the image is in it.</summary>
    public static async Task<PushRecord> ReadPushAsync(IPipeline build, CancellationToken ct)
    {
        var push = await StageRecord.ReadAsync<PushRecord>(build.Paths.PushRecord, "Push", ct).ConfigureAwait(false);
        await build.EmbeddedRegistry.EnsureRunningAsync(push.Registry, ct).ConfigureAwait(false);
        return push;
    }

    /// <summary>Chart's record, or null when Chart did not run.</summary>
    public static async Task<ChartRecord?> TryReadChartAsync(PipelinePaths paths, CancellationToken ct) =>
        paths.ChartRecord.FileExists() ? await StageRecord.ReadAsync<ChartRecord>(paths.ChartRecord, "Chart", ct).ConfigureAwait(false) : null;

    /// <summary>Deletes a record left by an earlier run, so a failed run never leaves one that looks like its own.</summary>
    public static void DeleteStale(AbsolutePath record)
    {
        if (record.FileExists()) File.Delete(record);
    }
}
