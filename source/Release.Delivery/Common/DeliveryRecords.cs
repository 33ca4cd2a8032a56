using Release.Engine;
using Release.Stages.Pipeline;

namespace Release.Delivery.Common;

/// <summary>Reads the upstream records the delivery stages need; optional ones return null instead of failing.</summary>
internal static class DeliveryRecords
{
    /// <summary>Clone's record, or null when Clone did not run (e.g. a build without the Clone stage).</summary>
    public static async Task<SourceRecord?> TryReadSourceAsync(PipelinePaths paths, CancellationToken ct) =>
        paths.SourceRecord.FileExists() ? await StageRecord.ReadAsync<SourceRecord>(paths.SourceRecord, "Clone", ct) : null;

    /// <summary>Clone's record; the error says to run Clone.</summary>
    public static Task<SourceRecord> ReadSourceAsync(PipelinePaths paths, CancellationToken ct) =>
        StageRecord.ReadAsync<SourceRecord>(paths.SourceRecord, "Clone", ct);

    /// <summary>Build's record; the error says to run Build.</summary>
    public static Task<ImageRecord> ReadImageAsync(PipelinePaths paths, CancellationToken ct) =>
        StageRecord.ReadAsync<ImageRecord>(paths.ImageRecord, "Build", ct);

    /// <summary>Push's record; the error says to run Push.</summary>
    public static Task<PushRecord> ReadPushAsync(PipelinePaths paths, CancellationToken ct) =>
        StageRecord.ReadAsync<PushRecord>(paths.PushRecord, "Push", ct);

    /// <summary>Deletes a record left by an earlier run, so a failed run never leaves one that looks like its own.</summary>
    public static void DeleteStale(AbsolutePath record)
    {
        if (record.FileExists()) File.Delete(record);
    }
}
