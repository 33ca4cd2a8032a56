using Release.Process.Approvals;
using Release.Process.Versioning;
using Release.Releasing.Common;
using Release.Releasing.Records;
using Release.Releasing.Versioning;
using Release.SemVer;
using Release.Tooling.Git;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;

namespace Release.Releasing.Approvals;

/// <summary>
/// What OpenRelease does: records the release candidate. An existing record for the same commit is kept as it is;
/// one for another commit is refused: a version names one build ("overwritten version").
/// </summary>
internal sealed class OpenReleaseStep(IGoNoGo build)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var paths = build.ReleasePaths;
        // Clone's record is the one source of the version (version.json is a copy of it for the evidence).
        var (source, version) = await ClonedSource.ReadAsync(paths, ct).ConfigureAwait(false);
        var selection = new ReleaseSelection(build.Module, version);
        var branch = source.VersionBranch ?? source.Branch ?? "detached";

        var facts = await ReleaseCommits.ReadAsync(source.Workspace, source.Commit, ct, below: version).ConfigureAwait(false);
        var conventional = facts.Conventional;
        var commits = new CommitsRecord(selection.Id, source.Commit, facts.LastStableTag?.Name,
            facts.Commits.Select((c, i) => new CommitEntry(c.Hash[..7], c.Author.Email, c.Author.Date, c.Subject, conventional[i].ReferencedIssues))
                .ToArray(),
            conventional.SelectMany(c => c.ReferencedIssues).Distinct(StringComparer.Ordinal).ToArray());
        var triggeredBy = await People.TriggeredByAsync(build, ct).ConfigureAwait(false);
        var authors = facts.Authors();

        var records = await RecordsRepository.OpenAsync(build, ct).ConfigureAwait(false);
        await using var recordsDisposal = records.ConfigureAwait(false);
        var store = new ReleaseRecordStore(records);
        var created = await store.UpdateAsync(selection.Id, triggeredBy, $"opened for commit {source.ShortCommit}", existing =>
        {
            if (existing is null)
                return ReleaseRecord.Create(selection
                    .Id, new ReleaseCreated(build.Clock.GetUtcNow(), version.ToString(), branch, source.Commit, triggeredBy, authors,
                    ImageTag: source.ImageTag));
            if (existing.Created.Commit != source.Commit)
                throw new ReleaseRefusedException(
                    $"OpenRelease: release {selection.Id} already exists in {records.Shown} for commit {existing.Created.Commit[..7]}; this build " +
                        $"is {source.ShortCommit}. " +
                    "Overwritten version refused: a version names one build forever. Build a new version (a new commit, or --release-type).");
            return null;
        }, ct).ConfigureAwait(false);
        await StageRecord.WriteAsync(paths.CommitsRecord, commits, ct).ConfigureAwait(false);
        build.Log.Information(created
            ? $"Opened release {selection.Id} (commit {source.ShortCommit} on {branch}, triggered by {triggeredBy}, {authors.Count} author(s) who " +
                $"cannot vote Go) in {records.Shown}"
            : $"Release {selection.Id} is already open for commit {source.ShortCommit}; nothing changed.");
        build.ReportSummary("release", selection.Id);
    }
}
