using Release.Delivery.Verify;
using Release.Engine;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;

namespace Release.Releasing.Common;

/// <summary>Where the release-process targets read and write; the stage paths come from <see cref="PipelinePaths"/>.</summary>
/// <param name="Stages">The pipeline's stage paths.</param>
public sealed record ReleasePaths(PipelinePaths Stages)
{
    /// <summary><c>artifacts/release/</c>.</summary>
    public AbsolutePath Directory => Stages.Artifacts / "release";

    /// <summary>The Version target's record.</summary>
    public AbsolutePath VersionRecord => Directory / "version.json";

    /// <summary>The QualityGate target's record.</summary>
    public AbsolutePath ChannelRecord => Directory / "channel.json";

    /// <summary>The commits and referenced issues of the release (written by OpenRelease).</summary>
    public AbsolutePath CommitsRecord => Directory / "commits.json";

    /// <summary>The release notes.</summary>
    public AbsolutePath ReleaseNotes => Directory / "RELEASE_NOTES.md";

    /// <summary>LoadTest's report folder; its presence is the <c>load-test-report</c> evidence.</summary>
    public AbsolutePath LoadTestDirectory => Stages.LoadTestDirectory();

    /// <summary>The evidence bundle of one version.</summary>
    public AbsolutePath EvidenceDirectory(string version) => Stages.Artifacts / "evidence" / version;

    /// <summary>The default release records repository: a local bare repository.</summary>
    public AbsolutePath DefaultRecordsRepository => Stages.Root / ".nuke" / "temp" / "release-records.git";

    /// <summary>
    /// The last records-repository head this machine saw, per repository: a later read whose history no longer
    /// contains it was force-pushed (rewritten) and is refused until an operator resolves it.
    /// </summary>
    public AbsolutePath RecordsAnchors => Stages.Root / ".nuke" / "release-records-anchors";

    /// <summary>Where the records repository is checked out while a target works on it.</summary>
    public AbsolutePath RecordsCheckouts => Stages.Root / ".nuke" / "temp" / "release-records-work";
}
