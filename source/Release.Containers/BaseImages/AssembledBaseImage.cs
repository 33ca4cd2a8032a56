namespace Release.Containers.BaseImages;

/// <summary>The result of <see cref="HostBaseImageAssembler.AssembleAsync"/> and <see cref="HostBaseImageAssembler.AssembleOrReuseAsync"/>.</summary>
/// <param name="LayoutDirectory">The OCI image layout folder.</param>
/// <param name="Tag">Tag (ref name) of the image in the layout.</param>
/// <param name="ManifestDigest">Digest of the image manifest; stable across rebuilds on the same host.</param>
/// <param name="Dotnet">The installation the runtime was copied from.</param>
/// <param name="Packages">Debian packages recorded in the image's dpkg status file.</param>
/// <param name="Libraries">Host libraries copied into the image.</param>
public sealed record AssembledBaseImage(
    string LayoutDirectory,
    string Tag,
    string ManifestDigest,
    DotnetInstallation Dotnet,
    IReadOnlyList<DebianPackage> Packages,
    IReadOnlyList<string> Libraries);
