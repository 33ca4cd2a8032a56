namespace Release.Containers.BaseImages;

/// <summary>Which base image a build should use.</summary>
/// <param name="Registry">The pipeline's registry (<c>host:port</c>), where the embedded base is pushed when no mirror is given.</param>
/// <param name="WorkDirectory">Folder for the embedded base's OCI layout.</param>
public sealed record BaseImageRequest(string Registry, string WorkDirectory)
{
    /// <summary>
    /// A base image from a registry mirror (the <c>--base-image</c> parameter), e.g.
    /// <c>registry.bank.internal/dotnet/aspnet:10.0</c>. When null, the embedded base is assembled and pushed.
    /// </summary>
    public string? MirrorImage { get; init; }

    /// <summary>Repository of the embedded base in <see cref="Registry"/>; default <c>base/aspnet</c>.</summary>
    public string EmbeddedRepository { get; init; } = "base/aspnet";

    /// <summary>Tag of the embedded base; default <c>10.0</c>.</summary>
    public string EmbeddedTag { get; init; } = "10.0";

    /// <summary>Options for assembling the embedded base (layout path and name are filled in from this request).</summary>
    public HostBaseImageOptions? EmbeddedOptions { get; init; }
}
