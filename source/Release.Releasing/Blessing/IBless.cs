using Release.Engine;
using Release.Releasing.Approvals;
using Release.Releasing.Quality;

namespace Release.Releasing.Blessing;

/// <summary>
/// Blessing: a release is blessed when it was built from a blessed branch (main/master), has a stable version, met
/// the stable channel at the quality gate and every production-like gate passed (every required Go, no veto, the
/// checklist). The image and chart digests are recorded in the release record; production accepts only them.
/// </summary>
public interface IBless : IGoNoGo, IQualityGate
{
    /// <summary>Blesses the release built by this pipeline (or <c>--release</c>) or lists everything missing.</summary>
    Target Bless => _ => _
        .Description("Blesses --release for production: built from main, every gate passed, every required Go; records image and chart digests")
        .TryAfter<IQualityGate>(x => x.QualityGate)
        // In one run (the production job) the record is opened and the notes written first: both are checklist evidence.
        .TryAfter<IGoNoGo>(x => x.OpenRelease)
        .TryAfter<Notes.IReleaseNotes>(x => x.ReleaseNotes)
        .Consumes(Paths.Glob("push/push.json"), Paths.Glob("chart/chart.json"), "artifacts/release/channel.json")
        .Executes(ct => new BlessStep(this).RunAsync(ct));
}
