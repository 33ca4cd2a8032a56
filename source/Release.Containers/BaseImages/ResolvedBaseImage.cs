namespace Release.Containers.BaseImages;

/// <summary>The base image a build uses, both as a registry reference and as a local OCI image layout to build on.</summary>
/// <param name="Reference">Where the base can be pulled, e.g. <c>localhost:5000/base/aspnet:10.0</c> or the <c>--base-image</c> value.</param>
/// <param name="LayoutDirectory">OCI image layout folder holding the base (for this machine's platform).</param>
/// <param name="LayoutTag">Ref name of the base in <paramref name="LayoutDirectory"/>'s index.json.</param>
/// <param name="ManifestDigest">Digest of the base's single-platform image manifest in the layout.</param>
public sealed record ResolvedBaseImage(string Reference, string LayoutDirectory, string LayoutTag, string ManifestDigest);
