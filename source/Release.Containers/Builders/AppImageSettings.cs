namespace Release.Containers.Builders;

/// <summary>
/// What <see cref="AppImageBuilder"/> builds: an app's <c>dotnet publish</c> output on a base image held in an OCI
/// image layout, written as a new OCI image layout. Every input that ends up in the image is here, so the same
/// settings (and the same published files) give the same bytes and the same digest.
/// </summary>
public sealed record AppImageSettings
{
    /// <summary>OCI image layout folder holding the base image (oci-layout, index.json, blobs/).</summary>
    public required string BaseLayoutDirectory { get; init; }

    /// <summary>
    /// Ref name (tag) of the base image in <see cref="BaseLayoutDirectory"/>'s index.json; null when the layout holds
    /// exactly one image. When it names an image index, the manifest for this machine's platform is used.
    /// </summary>
    public string? BaseLayoutTag { get; init; }

    /// <summary>
    /// The reference the base is known by, e.g. <c>localhost:5000/base/aspnet:10.0</c>, written as the
    /// <c>org.opencontainers.image.base.name</c> label and annotation. It is part of the image: pass a name that stays
    /// the same between runs, or the digest changes with it.
    /// </summary>
    public required string BaseImageName { get; init; }

    /// <summary>The app's <c>dotnet publish</c> output folder; all of it goes under <c>/app/</c> in the image.</summary>
    public required string PublishDirectory { get; init; }

    /// <summary>
    /// The app's main assembly in <see cref="PublishDirectory"/>, e.g. <c>Director.dll</c> (".dll" is added when
    /// missing). The entrypoint becomes <c>["dotnet", "/app/Director.dll"]</c>, as the .NET SDK writes it.
    /// </summary>
    public required string EntryAssembly { get; init; }

    /// <summary>Labels for the image (<see cref="ImageMetadata.ToLabels"/>); they win over the base's labels of the same key.</summary>
    public ImageMetadata Metadata { get; init; } = new();

    /// <summary>
    /// The time written for every file of the app layer and as the image's <c>created</c> and history time. Pass the
    /// commit time: "now" would make every build a different image.
    /// </summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>OCI image layout folder to write; replaced as a whole when the build succeeds, untouched when it fails.</summary>
    public required string DestinationLayoutDirectory { get; init; }

    /// <summary>Ref name (tag) the image gets in the destination's index.json, e.g. <c>1.2.3_g0123abc</c>.</summary>
    public required string Tag { get; init; }
}
