using Release.Engine;
using Release.Process.Applications.Releases;
using Release.Releasing.Common;
using Release.SemVer;

namespace Release.Releasing.Sets;

/// <summary>The application release a set command acts on: the application and <c>--set</c>'s version.</summary>
/// <param name="Application">The application's name.</param>
/// <param name="Version">The application release's version.</param>
internal sealed record SetSelection(string Application, SemanticVersion Version)
{
    /// <summary>The record id, <c>APPLICATION.set-VERSION</c> (<see cref="SetRecords.ReleaseId(string, string)"/>).</summary>
    public string Id => SetRecords.ReleaseId(Application, Version.ToString());

    /// <summary>
    /// The set as the one-module steps (Vote, Attest, GateStatus) select a release: they act on the record
    /// <c>MODULE-VERSION</c>, so the set's record <c>APPLICATION.set-VERSION</c> is "module" <c>APPLICATION.set</c>.
    /// </summary>
    public ReleaseSelection AsRelease()
    {
        var release = new ReleaseSelection($"{Application}.set", Version);
        return release.Id == Id ? release : throw new InvalidOperationException($"The set's record is {Id}, not {release.Id}.");
    }

    /// <summary>Reads <c>--set</c>.</summary>
    /// <exception cref="BuildInputException">No <c>--set</c>, or not a version.</exception>
    public static SetSelection Of(IReleaseSets build, string command)
    {
        var text = build.Set?.Trim();
        if (string.IsNullOrEmpty(text))
            throw new BuildInputException($"{command}: --set is not given: pass the application release's version, e.g. --set 2.3.0.");
        var version = text.StartsWith('v') || text.StartsWith('V') ? text[1..] : text;
        if (!SemanticVersion.TryParse(version, out var parsed, out var error))
            throw new BuildInputException($"{command}: --set '{text}' is not a SemVer version ({error}): pass e.g. --set 2.3.0.");
        return new SetSelection(build.Application.Name, parsed!);
    }
}
