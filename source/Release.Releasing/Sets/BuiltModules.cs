using Release.Foundation.Oci;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Process.Applications.Releases;
using Release.SemVer;

namespace Release.Releasing.Sets;

/// <summary>One module this pipeline built and pushed: its pin and the Clone record it came from.</summary>
/// <param name="Pin">Its version, image digest and chart digest.</param>
/// <param name="Source">Clone's record (commit, branch, workspace).</param>
internal sealed record BuiltModule(ModulePin Pin, SourceRecord Source);

/// <summary>
/// Reads the modules this pipeline pushed from their stage records: a module counts as built when its Push record
/// (<c>artifacts/modules/MODULE/push/push.json</c>) exists; then its Chart and Clone records must exist too, since a set
/// pins the image digest, the chart digest and the module's version together.
/// </summary>
internal static class BuiltModules
{
    public static async Task<IReadOnlyList<BuiltModule>> ReadAsync(IReleaseSets build, CancellationToken ct)
    {
        var built = new List<BuiltModule>();
        var problems = new List<string>();
        foreach (var module in build.Application.Graph.Order)
        {
            var paths = new PipelinePaths(build.RootDirectory, module);
            if (!paths.PushRecord.FileExists()) continue;
            var push = await StageRecord.ReadAsync<PushRecord>(paths.PushRecord, "Push", ct).ConfigureAwait(false);
            var chart = await PipelineRecords.TryReadChartAsync(paths, ct).ConfigureAwait(false);
            var source = await PipelineRecords.TryReadSourceAsync(paths, ct).ConfigureAwait(false);
            if (chart is null || source is null)
            {
                problems.Add($"module '{module}' was pushed ({paths.PushRecord}) but {(chart is null ? paths.ChartRecord : paths.SourceRecord)} is " +
                    "missing: " +
                             "run Clone, Push and Chart for it in the same pipeline (a set pins its version, image and chart together).");
                continue;
            }
            var version = SemanticVersion.Parse(source.Version, paths.SourceRecord);
            built.Add(new BuiltModule(new ModulePin(module, version, OciDigest.Parse(push.Digest, paths.PushRecord.ToString()),
                OciDigest.Parse(chart.ManifestDigest, paths.ChartRecord.ToString())), source));
        }
        if (problems.Count > 0) throw new Engine.BuildInputException("OpenSet: " + string.Join("\n- ", problems));
        return built;
    }
}
