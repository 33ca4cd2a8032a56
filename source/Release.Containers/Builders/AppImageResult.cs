using Release.Oci;

namespace Release.Containers.Builders;

/// <summary>What <see cref="AppImageBuilder.BuildAsync"/> wrote.</summary>
/// <param name="LayoutDirectory">The destination OCI image layout folder (full path).</param>
/// <param name="Tag">Ref name of the image in the layout's index.json.</param>
/// <param name="ManifestDigest">Digest of the image manifest: the image's identity, equal for equal inputs.</param>
/// <param name="Manifest">Descriptor of the manifest (media type, digest, size), as a registry push needs it.</param>
/// <param name="LayerDigest">Digest of the new app layer (gzip blob).</param>
/// <param name="LayerSize">Size of the new app layer in bytes (compressed).</param>
/// <param name="BaseManifestDigest">Digest of the base manifest the image was built on (the platform's, for an index).</param>
public sealed record AppImageResult(
    string LayoutDirectory,
    string Tag,
    string ManifestDigest,
    OciDescriptor Manifest,
    string LayerDigest,
    long LayerSize,
    string BaseManifestDigest);
