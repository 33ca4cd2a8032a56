using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Process.Applications.Releases;
using Release.Process.Approvals;
using Release.Releasing.Approvals;

namespace Release.Releasing.Sets;

/// <summary>
/// The checklist evidence of an application release: what the one-module rule finds in the pipeline's files
/// (<see cref="PipelineEvidenceKeys"/>: release notes, QA on pre-prod), except that unit test results count only when
/// every module built in this pipeline captured them (a carried module's were captured by the pipeline that built it).
/// </summary>
internal static class SetEvidenceKeys
{
    public static async Task<IReadOnlySet<string>> ReadAsync(IReleaseSets build, ReleaseManifest set, ReleaseRecord record, CancellationToken ct)
    {
        var keys = new SortedSet<string>(await PipelineEvidenceKeys.ReadAsync(build.ReleasePaths, record, ct), StringComparer.Ordinal);
        keys.Remove(SeedChecklist.UnitTestsEvidence);
        var built = set.Modules.Select(p => new PipelinePaths(build.RootDirectory, p.Module)).Where(p => p.PushRecord.FileExists()).ToList();
        var tested = 0;
        foreach (var paths in built)
        {
            if (!paths.UnitTestSummary.FileExists()) return keys;
            var unit = await StageRecord.ReadAsync<UnitTestSummary>(paths.UnitTestSummary, "UnitTest", ct);
            if (unit.Passed + unit.Failed == 0) return keys;
            tested++;
        }
        if (tested > 0) keys.Add(SeedChecklist.UnitTestsEvidence);
        return keys;
    }
}
