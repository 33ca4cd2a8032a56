namespace Release.Containers.Builders;

/// <summary>Settings for <c>dotnet publish -t:PublishContainer</c> (the .NET SDK's built-in image builder).</summary>
/// <param name="Project">The project to publish (.csproj path).</param>
/// <param name="BaseImage">Base image reference, e.g. <c>localhost:5000/base/aspnet:10.0</c> or a mirror's.</param>
/// <param name="Repository">Target repository, e.g. <c>apps/director</c>.</param>
public sealed record DotNetContainerSettings(string Project, string BaseImage, string Repository)
{
    /// <summary>Registry to push to (<c>host:port</c>); null with <see cref="ArchiveOutputPath"/> to write a tar instead.</summary>
    public string? Registry { get; init; }

    /// <summary>Writes the image as an OCI-layout tar here instead of pushing (the SDK's ContainerArchiveOutputPath).</summary>
    public string? ArchiveOutputPath { get; init; }

    /// <summary>Tags to give the image; at least one.</summary>
    public IReadOnlyList<string> Tags { get; init; } = ["latest"];

    /// <summary>Build configuration; default Release.</summary>
    public string Configuration { get; init; } = "Release";

    /// <summary>Runtime identifier, e.g. <c>linux-x64</c>; null lets the SDK pick from the base image.</summary>
    public string? RuntimeIdentifier { get; init; }

    /// <summary>OCI labels (version, revision, source, created, …).</summary>
    public ImageMetadata Metadata { get; init; } = new();

    /// <summary>
    /// Registries reached over plain HTTP besides <c>localhost</c> (which the SDK already treats so),
    /// e.g. <c>127.0.0.1:5000</c>; passed as DOTNET_CONTAINER_INSECURE_REGISTRIES.
    /// </summary>
    public IReadOnlyList<string> InsecureRegistries { get; init; } = [];

    /// <summary>Further MSBuild properties, passed as <c>-p:NAME=VALUE</c>.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();
}
