using Release.Engine;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Process.Applications.Releases;

namespace Release.Releasing.Sets;

/// <summary>
/// The checklist evidence an application release's modules give (read by <see cref="Approvals.PipelineEvidenceKeys"/>
/// for a set's record, so votes, gate status and BlessSet agree): unit test results count as captured when every module
/// built in this pipeline captured them (a carried module's were captured by the pipeline that built it).
/// </summary>
internal static class SetEvidenceKeys
{
    public static async Task<bool> UnitTestsCapturedAsync(AbsolutePath root, ReleaseManifest set, CancellationToken ct)
    {
        var built = set.Modules.Select(p => new PipelinePaths(root, p.Module)).Where(p => p.PushRecord.FileExists()).ToList();
        foreach (var paths in built)
        {
            if (!paths.UnitTestSummary.FileExists()) return false;
            var unit = await StageRecord.ReadAsync<UnitTestSummary>(paths.UnitTestSummary, "UnitTest", ct).ConfigureAwait(false);
            if (unit.Passed + unit.Failed == 0) return false;
        }
        return built.Count > 0;
    }
}
