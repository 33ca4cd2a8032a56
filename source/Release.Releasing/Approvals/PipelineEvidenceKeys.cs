using System.Text.Json;
using Release.Delivery.Verify;
using Release.Process.Approvals;
using Release.Releasing.Common;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;

namespace Release.Releasing.Approvals;

/// <summary>
/// The checklist evidence keys the pipeline's files prove for a release: unit test results captured, every commit
/// linked to an issue, release notes written, the QA suite passed after a pre-prod deployment, a load test report.
/// </summary>
internal static class PipelineEvidenceKeys
{
    public static async Task<IReadOnlySet<string>> ReadAsync(ReleasePaths paths, ReleaseRecord record, CancellationToken ct)
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        if (paths.Stages.UnitTestSummary.FileExists())
        {
            var unit = await StageRecord.ReadAsync<UnitTestSummary>(paths.Stages.UnitTestSummary, "UnitTest", ct).ConfigureAwait(false);
            if (unit.Passed + unit.Failed > 0) keys.Add(SeedChecklist.UnitTestsEvidence);
        }
        if (paths.CommitsRecord.FileExists())
        {
            var commits = await StageRecord.ReadAsync<CommitsRecord>(paths.CommitsRecord, "OpenRelease", ct).ConfigureAwait(false);
            if (commits.Commit == record.Created.Commit && commits.Commits.Count > 0 && commits.Commits.All(c => c.Issues.Count > 0))
                keys.Add(SeedChecklist.PullRequestsLinkedEvidence);
        }
        if (paths.ReleaseNotes.FileExists()) keys.Add(SeedChecklist.ReleaseNotesEvidence);
        // The QA suite counts only when it ran on pre-prod, against this release's image, after the release got there:
        // a green local or staging run says nothing about pre-prod.
        var preProd = record.Events.OfType<ReleasePromoted>().Where(p => p.Environment == SeedChecklist.PreProdEnvironment).ToArray();
        if (preProd.Length > 0 && paths.Stages.IntegrationSummary.FileExists())
        {
            var qa = await StageRecord.ReadAsync<IntegrationSummary>(paths.Stages.IntegrationSummary, "Integrate", ct).ConfigureAwait(false);
            if (qa is { Passed: > 0, Failed: 0, Environment: SeedChecklist.PreProdEnvironment, FinishedAt: { } finished }
                && preProd.Any(p => p.ImageDigest == qa.ImageDigest && p.At <= finished))
                keys.Add(SeedChecklist.QaSuitePreProdEvidence);
        }
        // The load test counts when LoadTest's report says it met its limits against an image this release was promoted with.
        if (paths.Stages.LoadTestReport().FileExists())
        {
            var load = await StageRecord.ReadAsync<LoadTestReport>(paths.Stages.LoadTestReport(), "LoadTest", ct).ConfigureAwait(false);
            if (load.Passed && record.Events.OfType<ReleasePromoted>().Any(p => p.ImageDigest == load.ImageDigest))
                keys.Add(SeedChecklist.LoadTestEvidence);
        }
        // An application release (a set): unit test results are the modules' (Sets/SetEvidenceKeys), not the one module's.
        if (Process.Applications.Releases.SetRecords.ManifestOf(record) is { } set)
        {
            keys.Remove(SeedChecklist.UnitTestsEvidence);
            if (await Sets.SetEvidenceKeys.UnitTestsCapturedAsync(paths.Stages.Root, set, ct).ConfigureAwait(false)) keys.Add(
                SeedChecklist.UnitTestsEvidence);
        }
        return keys;
    }
}

/// <summary>What OpenRelease writes to <c>artifacts/release/commits.json</c>: the release's commits and issues.</summary>
/// <param name="ReleaseId">The release.</param>
/// <param name="Commit">The commit built.</param>
/// <param name="PreviousTag">The last stable tag before it, or null.</param>
/// <param name="Commits">The commits since that tag.</param>
/// <param name="Issues">Every referenced issue.</param>
public sealed record CommitsRecord(
    string ReleaseId,
    string Commit,
    string? PreviousTag,
    IReadOnlyList<CommitEntry> Commits,
    IReadOnlyList<string> Issues);

/// <summary>One commit of a release.</summary>
/// <param name="Sha">Short id.</param>
/// <param name="Author">Author e-mail.</param>
/// <param name="Date">Author date.</param>
/// <param name="Subject">First line.</param>
/// <param name="Issues">Referenced issues.</param>
public sealed record CommitEntry(string Sha, string Author, DateTimeOffset? Date, string Subject, IReadOnlyList<string> Issues);
