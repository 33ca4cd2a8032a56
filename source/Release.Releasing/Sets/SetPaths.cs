using Release.Delivery.ApplicationDelivery;
using Release.Engine;
using Release.SemVer;

namespace Release.Releasing.Sets;

/// <summary>Where an application release's notes and evidence go, under <c>artifacts/application/</c> beside its manifest.</summary>
internal static class SetPaths
{
    /// <summary>The evidence bundle of the set <paramref name="version"/>: <c>artifacts/application/evidence/VERSION/</c>.</summary>
    public static AbsolutePath Evidence(AbsolutePath root, SemanticVersion version) =>
        new ApplicationPaths(root).Directory / "evidence" / version.ToString();

    /// <summary>The release notes of the set <paramref name="version"/>: <c>artifacts/application/sets/VERSION.RELEASE_NOTES.md</c>.</summary>
    public static AbsolutePath Notes(AbsolutePath root, SemanticVersion version) =>
        new ApplicationPaths(root).Directory / "sets" / $"{version}.RELEASE_NOTES.md";

    /// <summary>The glob of every set's evidence, for the target's <c>Produces</c>.</summary>
    public const string EvidenceGlob = "artifacts/application/evidence/**";
}
