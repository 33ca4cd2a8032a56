namespace Release.Containers.Builders;

/// <summary>Settings for building a Dockerfile with buildah or docker.</summary>
/// <param name="ContextDirectory">Build context folder.</param>
/// <param name="Tags">Full image references to tag and push, e.g. <c>localhost:5000/apps/web:1.4.0</c>; at least one.</param>
public sealed record DockerfileBuildSettings(string ContextDirectory, IReadOnlyList<string> Tags)
{
    /// <summary>Build argument through which the base image is passed: write <c>ARG BASE_IMAGE</c> / <c>FROM ${BASE_IMAGE}</c>.</summary>
    public const string BaseImageArgument = "BASE_IMAGE";

    /// <summary>Dockerfile path; null means <c>Dockerfile</c> in the context.</summary>
    public string? Dockerfile { get; init; }

    /// <summary>Base image (e.g. from <c>--base-image</c>), passed as the <see cref="BaseImageArgument"/> build argument.</summary>
    public string? BaseImage { get; init; }

    /// <summary>Further build arguments.</summary>
    public IReadOnlyDictionary<string, string> BuildArguments { get; init; } = new Dictionary<string, string>();

    /// <summary>OCI labels.</summary>
    public ImageMetadata Metadata { get; init; } = new();

    /// <summary>
    /// The time the image and its layers' files carry (the source commit's time), so the same sources build the same image
    /// digest again (buildah's <c>--timestamp</c>; docker's <c>SOURCE_DATE_EPOCH</c> build argument); null: now.
    /// </summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>False to pull from and push to plain-HTTP registries (buildah's <c>--tls-verify=false</c>).</summary>
    public bool TlsVerify { get; init; } = true;

    /// <summary>All build arguments, sorted, with the base image included.</summary>
    internal IEnumerable<KeyValuePair<string, string>> AllBuildArguments()
    {
        var all = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in BuildArguments)
            all[key] = value;
        if (BaseImage is not null)
            all[BaseImageArgument] = BaseImage;
        return all;
    }

    internal void Validate()
    {
        if (Tags.Count == 0)
            throw new ArgumentException("DockerfileBuildSettings.Tags is empty; give at least one full image reference.", nameof(Tags));
        if (!Directory.Exists(ContextDirectory))
            throw new DirectoryNotFoundException(
                $"The build context '{ContextDirectory}' does not exist; point ContextDirectory at the folder with the Dockerfile.");
    }
}
