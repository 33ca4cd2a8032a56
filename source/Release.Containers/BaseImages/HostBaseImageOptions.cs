namespace Release.Containers.BaseImages;

/// <summary>What <see cref="HostBaseImageAssembler"/> builds and where it writes it.</summary>
/// <param name="LayoutDirectory">OCI image layout folder to write (replaced when it exists).</param>
public sealed record HostBaseImageOptions(string LayoutDirectory)
{
    /// <summary>Repository name the image is meant for, used in labels; default <c>base/aspnet</c>.</summary>
    public string Name { get; init; } = "base/aspnet";

    /// <summary>Tag recorded in the layout's index.json; default <c>10.0</c>.</summary>
    public string Tag { get; init; } = "10.0";

    /// <summary>.NET major version whose runtimes are copied; default 10.</summary>
    public int DotnetMajorVersion { get; init; } = 10;

    /// <summary>Dotnet root to copy from; null finds it (DOTNET_ROOT, then PATH).</summary>
    public string? DotnetRoot { get; init; }

    /// <summary>Where the runtime lives in the image (DOTNET_ROOT there); default <c>/usr/share/dotnet</c>.</summary>
    public string ImageDotnetRoot { get; init; } = "/usr/share/dotnet";

    /// <summary>Name of the unprivileged user apps run as; default <c>app</c>.</summary>
    public string AppUser { get; init; } = "app";

    /// <summary>Numeric id of <see cref="AppUser"/>; default 1654, as in Microsoft's images, so charts that set runAsUser work alike.</summary>
    public int AppUid { get; init; } = 1654;

    /// <summary>Port ASP.NET Core listens on (ASPNETCORE_HTTP_PORTS); default 8080.</summary>
    public int HttpPort { get; init; } = 8080;

    /// <summary>
    /// Timestamp for every file and the image's created field. Fixed so rebuilding on the same host gives the same digest;
    /// default 2000-01-01T00:00:00Z.
    /// </summary>
    public DateTimeOffset Timestamp { get; init; } = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Extra labels (also written as manifest annotations), e.g. <c>org.opencontainers.image.vendor</c>; they win over generated
    /// ones.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
}
