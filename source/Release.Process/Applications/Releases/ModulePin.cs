using Release.Foundation.Oci;
using Release.Process.Promotion;
using Release.SemVer;

namespace Release.Process.Applications.Releases;

/// <summary>One module as an application release pins it: its own version, and the image and chart digests built for it.</summary>
/// <param name="Module">The module's name, as the application declares it.</param>
/// <param name="Version">The module's own version (each module keeps its own versioning inside the set).</param>
/// <param name="ImageDigest">The image digest pushed for that version.</param>
/// <param name="ChartDigest">The chart digest published for that version.</param>
public sealed record ModulePin(string Module, SemanticVersion Version, OciDigest ImageDigest, OciDigest ChartDigest)
{
    /// <summary>
    /// What identifies the pinned artefacts when comparing what runs with what is wanted (<see cref="Rollout.RolloutPlanner"/>):
    /// the version and both digests, so a chart-only change is a change too.
    /// </summary>
    public string Identity => $"{Version} (image {ImageDigest}, chart {ChartDigest})";

    /// <summary>Whether <paramref name="other"/> pins the same artefacts (version and both digests).</summary>
    public bool SameArtefactsAs(ModulePin other) =>
        other is not null && Version.Equals(other.Version) && ImageDigest == other.ImageDigest && ChartDigest == other.ChartDigest;
}
