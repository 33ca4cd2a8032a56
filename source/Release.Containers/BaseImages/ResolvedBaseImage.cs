namespace Release.Containers.BaseImages;

/// <summary>The base image a build uses, both as a registry reference and as a local OCI image layout to build on.</summary>
/// <param name="Reference">Where the base can be pulled, e.g. <c>localhost:5000/base/aspnet:10.0</c> or the <c>--base-image</c> value.</param>
/// <param name="LayoutDirectory">OCI image layout folder holding the base (for this machine's platform).</param>
/// <param name="LayoutTag">Ref name of the base in <paramref name="LayoutDirectory"/>'s index.json.</param>
/// <param name="ManifestDigest">Digest of the base's single-platform image manifest in the layout.</param>
public sealed record ResolvedBaseImage(string Reference, string LayoutDirectory, string LayoutTag, string ManifestDigest)
{
    /// <summary>
    /// How an image built on this base names it (<c>org.opencontainers.image.base.name</c>): the mirror reference as
    /// given; for the embedded base, which lives in whichever registry the run uses (often on an ephemeral port), only
    /// its repository and tag, e.g. <c>base/aspnet:10.0</c>, so the app image's digest does not depend on the port.
    /// The base's digest (<c>org.opencontainers.image.base.digest</c>) pins it either way.
    /// </summary>
    public string Name { get; init; } = Reference;
}
