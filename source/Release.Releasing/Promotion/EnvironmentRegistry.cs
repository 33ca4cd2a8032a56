using Release.Delivery.Push;
using Release.Releasing.Common;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;

namespace Release.Releasing.Promotion;

/// <summary>
/// The registry holding the environments' repositories (<c>ENV/MODULE</c>), for Promote and Rollback alike:
/// <c>--promotion-registry</c> when given, else the registry Push used in this pipeline.
/// </summary>
internal static class EnvironmentRegistry
{
    /// <summary>The registry, with <paramref name="push"/> already read (null when this pipeline pushed nothing).</summary>
    public static string Of(IPromote build, PushRecord? push, string target) =>
        !string.IsNullOrWhiteSpace(build.PromotionRegistry) ? build.PromotionRegistry.Trim()
        : push?.Registry ?? throw new ReleaseRefusedException(
            $"{target}: no registry for the environment repositories: pass --promotion-registry HOST:PORT (the default, the registry Push used, is " +
                $"unknown: {build.Paths.PushRecord} is missing).");

    /// <summary>The registry, reading Push's record when it is needed and exists.</summary>
    public static async Task<string> ReadAsync(IPromote build, string target, CancellationToken ct) =>
        Of(build, string.IsNullOrWhiteSpace(build.PromotionRegistry) && build.Paths.PushRecord.FileExists()
            ? await StageRecord.ReadAsync<PushRecord>(build.Paths.PushRecord, "Push", ct).ConfigureAwait(false)
            : null, target);
}
