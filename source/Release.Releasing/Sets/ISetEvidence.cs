using Release.Engine;
using Release.Releasing.Evidence;
using Release.Releasing.Notes;

namespace Release.Releasing.Sets;

/// <summary>
/// Release notes and evidence of an application release (a set), next to a module's <c>ReleaseNotes</c>,
/// <c>Evidence</c> and <c>VerifyEvidence</c>: <c>ReleaseNotesSet --set 2.3.0</c> lists each module's changes since
/// the previous set; <c>EvidenceSet --set 2.3.0</c> bundles the release manifest, every module's test, coverage, scan
/// and SBOM results for its pinned version (taken from this pipeline, or, for a carried module, from the evidence of
/// the set that built it), the votes, checklist, blessing and every environment's promotions and rollbacks, signed and
/// chained as a module's bundle is; <c>VerifyEvidenceSet --set 2.3.0</c> checks all of it.
/// </summary>
public interface ISetEvidence : IReleaseSets, IEvidence, IReleaseNotes
{
    /// <summary><c>./build.sh ReleaseNotesSet --set 2.3.0</c>: writes the set's release notes.</summary>
    Target ReleaseNotesSet => _ => _
        .Description("Writes the release notes of the application release --set: each module's changes since the previous set, carried " +
            "modules shown unchanged")
        .Requires(() => Set)
        .TryAfter<IReleaseSets>(x => x.OpenSet)
        .Produces("artifacts/application/sets/*.RELEASE_NOTES.md")
        .Executes(ct => new SetNotesStep(this).RunAsync(ct));

    /// <summary><c>./build.sh EvidenceSet --set 2.3.0</c>: writes the set's evidence bundle and links it into the hash chain.</summary>
    Target EvidenceSet => _ => _
        .Description("Writes the evidence bundle of the application release --set (manifest, every module's results, votes, promotions) " +
            "and links it into the hash chain")
        .Requires(() => Set)
        .TryAfter<IReleaseSets>(x => x.BlessSet)
        .TryAfter<IReleaseSets>(x => x.PromoteSet)
        .TryAfter<IReleaseSets>(x => x.RollbackSet)
        .TryAfter<ISetEvidence>(x => x.ReleaseNotesSet)
        .Produces(SetPaths.EvidenceGlob)
        .Executes(ct => new EvidenceSetStep(this).RunAsync(ct));

    /// <summary><c>./build.sh VerifyEvidenceSet --set 2.3.0</c>: checks every file, the release manifest, the chain and the signatures.</summary>
    Target VerifyEvidenceSet => _ => _
        .Description("Verifies the evidence bundle of the application release --set: release manifest, every file, the hash chain, signatures")
        .Requires(() => Set)
        .After(EvidenceSet)
        .Executes(ct => new VerifyEvidenceSetStep(this).RunAsync(ct));
}
