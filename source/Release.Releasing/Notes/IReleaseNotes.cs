using Release.Engine;
using Release.Releasing.Common;

namespace Release.Releasing.Notes;

/// <summary>
/// Release notes from the conventional commits since the previous release tag, grouped by kind, with the referenced
/// issues and a rollback section naming the previous blessed version and the command that restores it; written to
/// <c>artifacts/release/RELEASE_NOTES.md</c>.
/// </summary>
public interface IReleaseNotes : IReleaseProcess
{
    /// <summary>Writes the release notes.</summary>
    Target ReleaseNotes => _ => _
        .Description("Writes artifacts/release/RELEASE_NOTES.md from conventional commits, with the rollback command")
        .TryAfter<Versioning.IVersioning>(x => x.Version)
        .TryAfter<global::Release.Stages.Clone.IClone>(x => x.Clone)
        .Produces("artifacts/release/RELEASE_NOTES.md")
        .Executes(ct => new ReleaseNotesStep(this).RunAsync(ct));
}
