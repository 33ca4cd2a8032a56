using Release.Process.Notes;
using Release.Process.Versioning;
using Release.Releasing.Common;
using Release.Releasing.Records;
using Release.Releasing.Versioning;
using Release.SemVer;
using Release.Tooling.Git;
using Release.Foundation.IO;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;

namespace Release.Releasing.Notes;

/// <summary>What the ReleaseNotes target does (grouping and rendering: <see cref="ReleaseNotesBuilder"/>).</summary>
internal sealed class ReleaseNotesStep(IReleaseNotes build)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var paths = build.ReleasePaths;
        // Clone's record is the one source of the version (version.json is a copy of it for the evidence).
        var (source, version) = await ClonedSource.ReadAsync(paths, ct).ConfigureAwait(false);
        var facts = await ReleaseCommits.ReadAsync(source.Workspace, source.Commit, ct, below: version).ConfigureAwait(false);

        var records = await RecordsRepository.OpenAsync(build, ct).ConfigureAwait(false);
        await using var recordsDisposal = records.ConfigureAwait(false);
        var history = ReleaseHistory.From(
            RecordTrust.TrustedAll(build, await new ReleaseRecordStore(records).ReadAllAsync(ct).ConfigureAwait(false)));
        var rollbackEnvironment = build.PromotionChain.Environments.LastOrDefault(e => e.RequiresBlessing)?.Name
            ?? build.PromotionChain.Environments[^1].Name;
        var previousBlessed = history.Blessed.Where(b => b.Version < version).OrderByDescending(b => b.Version).Select(b => b.Version)
            .FirstOrDefault();

        ReleaseNotes notes;
        try
        {
            notes = ReleaseNotesBuilder.Build(new ReleaseNotesInput(build.Module, version, facts.LastStableTag?.Version,
                DateOnly.FromDateTime(build.Clock.GetUtcNow().UtcDateTime), facts.Conventional, previousBlessed, rollbackEnvironment));
        }
        catch (ArgumentException e)
        {
            throw new ReleaseRefusedException($"ReleaseNotes for {build.Module} {version}: {e.Message}", e);
        }
        var text = notes.Render();
        SecretGuard.Check(build, text, $"The release notes of {build.Module} {version}");
        await AtomicFile.WriteTextAsync(paths.ReleaseNotes, text, ct).ConfigureAwait(false);
        build.Log.Information($"Release notes for {version}: {facts.Commits.Count} commit(s) since {facts.LastStableTag?.Name ?? "the beginning"}, " +
                              $"rollback to {previousBlessed?.ToString() ?? "none"}; {paths.ReleaseNotes}");
        build.ReportSummary("notes", $"{notes.Sections.Sum(s => s.Entries.Count)} entries");
    }
}
