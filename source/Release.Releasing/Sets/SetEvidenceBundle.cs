using Release.Delivery.ApplicationDelivery;
using Release.Engine;
using Release.Process.Applications.Releases;
using Release.Process.Approvals;
using Release.Process.Evidence;
using Release.Releasing.Approvals;
using Release.Releasing.Evidence;

namespace Release.Releasing.Sets;

/// <summary>
/// Writes an application release's evidence files into a folder: the release manifest (canonical text and digest),
/// the record part every bundle has (<see cref="RecordEvidenceFiles"/>: signed record, votes, checklist, timings), the
/// blessing and every environment's promotions, batches and rollbacks, each module's results for its pinned version
/// (<see cref="ModuleResults"/>) with where they were taken from, the application's integration run and the set's notes
/// where present, every finding, and an HTML summary. Returns the findings.
/// </summary>
internal sealed class SetEvidenceBundle(ISetEvidence build, ApplicationSets sets, ReleaseManifest set, ReleaseRecord record, HashChain chain,
    AbsolutePath folder)
{
    /// <summary>The bundle's file of the set's canonical manifest: its SHA-256 is the set's digest.</summary>
    public const string ManifestFile = "set/release-manifest.txt";

    /// <summary>The bundle's file listing each module (<see cref="ModuleEvidence"/>).</summary>
    public const string ModulesFile = "set/modules.json";

    private readonly EvidenceFolder _files = new(build, SetRecords.ReleaseId(set), folder);

    public async Task<IReadOnlyList<string>> WriteAsync(CancellationToken ct)
    {
        var id = SetRecords.ReleaseId(set);
        var trusted = sets.Records.TryGetValue(id, out var known) ? known : throw new BuildInputException(
            $"EvidenceSet: the record of {id} holds no trusted set; check it with ./build.sh GateStatusSet --set {set.Version}.");
        var previous = sets.Sets.LastOrDefault(s => s.Version < set.Version);
        await _files.WriteTextAsync(ManifestFile, set.Canonical, ct).ConfigureAwait(false);
        await _files.WriteJsonAsync("set/set.json", new
        {
            set.Application, Version = set.Version.ToString(), Digest = set.Digest.Value, Manifest = ManifestFile,
            Previous = previous is null ? null : new { Version = previous.Version.ToString(), Digest = previous.Digest.Value },
        }, ct).ConfigureAwait(false);

        var evidence = await PipelineEvidenceKeys.ReadAsync(build.ReleasePaths, trusted, ct).ConfigureAwait(false);
        await RecordEvidenceFiles.WriteAsync(build, record, trusted, evidence, _files, ct).ConfigureAwait(false);
        await _files.WriteJsonAsync("record/environments.json", SetEnvironmentsEvidence.Of(set, trusted, sets), ct).ConfigureAwait(false);

        var changes = SetChanges.Between(previous, set);
        var results = new ModuleResults(build.RootDirectory, sets, chain, _files);
        var modules = new List<ModuleEvidence>();
        foreach (var pin in set.Modules)
            modules.Add(await results.CopyAsync(set, pin, changes.First(c => c.Module == pin.Module).Kind, ct).ConfigureAwait(false));
        await _files.WriteJsonAsync(ModulesFile, modules, ct).ConfigureAwait(false);

        var application = new ApplicationPaths(build.RootDirectory);
        await _files.CopyFolderAsync(application.IntegrationDirectory, "application/integration", ct).ConfigureAwait(false);
        var findings = modules.SelectMany(m => m.Findings).ToList();
        var notes = SetPaths.Notes(build.RootDirectory, set.Version);
        if (!await _files.CopyAsync(notes, "notes/RELEASE_NOTES.md", ct).ConfigureAwait(false))
            findings.Add($"no release notes ({Path.GetRelativePath(build.RootDirectory, notes)}): run ./build.sh ReleaseNotesSet --set " +
                $"{set.Version} before the evidence.");
        await _files.WriteJsonAsync("findings.json", findings, ct).ConfigureAwait(false);
        await _files.WriteTextAsync("index.html", SetEvidenceHtml.Render(set, trusted, modules, findings), ct).ConfigureAwait(false);
        return findings;
    }
}
