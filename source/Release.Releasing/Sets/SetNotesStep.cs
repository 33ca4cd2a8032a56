using Release.Applications;
using Release.Engine;
using Release.Foundation.IO;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Process.Applications.Releases;
using Release.Process.Notes;
using Release.Process.Versioning;
using Release.Releasing.Common;
using Release.Releasing.Records;

namespace Release.Releasing.Sets;

/// <summary>
/// What ReleaseNotesSet does: the set's notes (<see cref="SetNotes"/>) from each module's line since the previous set
/// (<see cref="SetChanges"/>: a carried module shows as unchanged) and, for each module that changed or was added, its
/// own commits since the earlier sets (<see cref="ModuleCommitsSinceSets"/>, grouped by <see cref="ReleaseNotesBuilder"/>),
/// read from the checkout this pipeline's Clone made of it; written to <c>artifacts/application/sets/VERSION.RELEASE_NOTES.md</c>.
/// </summary>
internal sealed class SetNotesStep(ISetEvidence build)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var selection = SetSelection.Of(build, "ReleaseNotesSet");
        var records = await RecordsRepository.OpenAsync(build, ct).ConfigureAwait(false);
        await using var recordsDisposal = records.ConfigureAwait(false);
        var sets = await ApplicationSets.ReadAsync(build, new ReleaseRecordStore(records), ct).ConfigureAwait(false);
        var set = sets.Get(selection, "ReleaseNotesSet", records.Shown);
        var earlier = sets.Sets.Where(s => s.Version < set.Version).ToList();
        var previous = earlier.LastOrDefault();
        NextReleaseSet next;
        try { next = NextReleaseSet.Make(build.Application.Graph, set.Application, set.Version, set.Modules, previous); }
        catch (ReleaseSetException e)
        {
            throw new BuildInputException($"ReleaseNotesSet --set {set.Version}:\n- " + string.Join("\n- ", e.Problems));
        }
        var released = earlier.SelectMany(s => sets.Records[SetRecords.ReleaseId(s)].Created.Commit.Split(',')).ToList();
        var rollbackEnvironment = build.PromotionChain.Environments.LastOrDefault(e => e.RequiresBlessing)?.Name
            ?? build.PromotionChain.Environments[^1].Name;
        var date = DateOnly.FromDateTime(build.Clock.GetUtcNow().UtcDateTime);

        var moduleNotes = new Dictionary<string, ReleaseNotes>(StringComparer.OrdinalIgnoreCase);
        foreach (var change in next.Changes.Where(c => c.Kind is ModuleChangeKind.Changed or ModuleChangeKind.Added))
        {
            var source = await SourceOfAsync(set, change.After!, ct).ConfigureAwait(false);
            var module = build.Application[change.Module];
            var commits = ModuleCommitsSinceSets.Read(source.Workspace, source.Commit, released,
                module.Source is FolderSource ? module.Folder : null, ct);
            try
            {
                moduleNotes[change.Module] = ReleaseNotesBuilder.Build(new ReleaseNotesInput(change.Module, change.After!.Version,
                    change.Before?.Version, date, commits.Select(c => ConventionalCommitParser.ParseOrOther(c.Message, c.Hash[..7])).ToArray(),
                    null, rollbackEnvironment));
            }
            catch (ArgumentException e) { throw new ReleaseRefusedException($"ReleaseNotesSet for module '{change.Module}': {e.Message}", e); }
        }
        var previousBlessed = sets.History.Blessed.Where(b => b.Set.Version < set.Version).MaxBy(b => b.Set.Version);
        var text = SetNotes.Render(next, moduleNotes, previousBlessed, rollbackEnvironment);
        SecretGuard.Check(build, text, $"The release notes of {set.Title}");
        var file = SetPaths.Notes(build.RootDirectory, set.Version);
        await AtomicFile.WriteTextAsync(file, text, ct).ConfigureAwait(false);
        build.Log.Information($"Release notes of application release {set.Title}: " +
            string.Join(", ", next.Changes.Select(c => c.Line)) + $"; rollback to {previousBlessed?.Set.Version.ToString() ?? "none"}; {file}");
        build.ReportSummary("notes", $"{moduleNotes.Count} module(s) changed");
    }

    // The Clone record of the module built here at its pin: the notes read its commits from that checkout.
    private async Task<SourceRecord> SourceOfAsync(ReleaseManifest set, ModulePin pin, CancellationToken ct)
    {
        var paths = new PipelinePaths(build.RootDirectory, pin.Module);
        var source = await PipelineRecords.TryReadSourceAsync(paths, ct).ConfigureAwait(false);
        var push = paths.PushRecord.FileExists() ? await StageRecord.ReadAsync<PushRecord>(paths.PushRecord, "Push", ct).ConfigureAwait(false) : null;
        if (source is null || push?.Digest != pin.ImageDigest.Value)
            throw new BuildInputException(
                $"ReleaseNotesSet: module '{pin.Module}' {pin.Version} changed in {set.Title}, but this pipeline did not build it at that pin " +
                $"({(source is null ? paths.SourceRecord + " is missing" : paths.PushRecord + " names another image")}): write the set's notes in " +
                "the pipeline that built it (after Clone, Push and OpenSet).");
        return source;
    }
}
