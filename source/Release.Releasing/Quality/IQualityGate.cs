using Release.Engine;
using Release.Process.Quality;
using Release.Releasing.Common;

namespace Release.Releasing.Quality;

/// <summary>
/// The quality gate: scores the stages' metrics (unit tests, coverage, scan incl. advisory data freshness and
/// silent sources, integration tests) against the <see cref="QualityPolicy"/> declared in the build definition,
/// chooses the channel (alpha, beta, stable) up to the one the branch aims for, records it in
/// <c>artifacts/release/channel.json</c> and fails when the build misses even the lowest channel.
/// Override the thresholds in the build class: <c>QualityPolicy IQualityGate.QualityPolicy =&gt; new(...)</c>.
/// </summary>
public interface IQualityGate : IReleaseProcess
{
    /// <summary>The thresholds per channel; default <see cref="QualityPolicy.Default"/>.</summary>
    QualityPolicy QualityPolicy => QualityPolicy.Default();

    /// <summary>Chooses the release channel or fails as not releasable, listing every failed rule.</summary>
    Target QualityGate => _ => _
        .Description("Scores unit tests, coverage, scan and integration results against the quality policy and chooses the channel")
        .TryAfter<Versioning.IVersioning>(x => x.Version)
        .TryAfter<global::Release.Stages.Clone.IClone>(x => x.Clone)
        .Consumes(Paths.Glob("unit-tests/summary.json"), Paths.Glob("scan/summary.json"), Paths.Glob("integration/summary.json"))
        .Produces("artifacts/release/channel.json")
        .Executes(ct => new QualityGateStep(this).RunAsync(ct));
}
