namespace Release.Containers.Builders;

/// <summary>
/// buildah (no daemon). Defaults suit unprivileged CI containers: the vfs storage driver (no overlay mounts), chroot
/// isolation (no namespaces), and runc for RUN steps.
/// </summary>
public sealed class BuildahTool : DockerfileTool
{
    /// <summary>Storage driver; vfs works everywhere, at the price of copying layers.</summary>
    public string StorageDriver { get; init; } = "vfs";

    /// <summary>Isolation for RUN steps.</summary>
    public string Isolation { get; init; } = "chroot";

    /// <summary>OCI runtime for RUN steps.</summary>
    public string Runtime { get; init; } = "/usr/sbin/runc";

    /// <summary>Private storage root (and run root beside it); null uses buildah's default.</summary>
    public string? StorageRoot { get; init; }

    /// <inheritdoc />
    public override string Command => "buildah";

    /// <summary>The exact arguments of <c>buildah bud</c>.</summary>
    public override IReadOnlyList<string> BuildArguments(DockerfileBuildSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var args = new List<string> { "bud" };
        args.AddRange(StorageArguments());
        args.AddRange(["--isolation", Isolation, "--runtime", Runtime]);
        if (!settings.TlsVerify)
            args.Add("--tls-verify=false");
        if (settings.Timestamp is { } timestamp)
            args.AddRange(["--timestamp", timestamp.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        args.AddRange(DockerfileArguments(settings));
        return args;
    }

    /// <summary>The exact arguments of <c>buildah push</c> for <paramref name="tag"/>.</summary>
    public override IReadOnlyList<string> PushArguments(string tag, bool tlsVerify)
    {
        var args = new List<string> { "push" };
        args.AddRange(StorageArguments());
        if (!tlsVerify)
            args.Add("--tls-verify=false");
        args.AddRange([tag, $"docker://{tag}"]);
        return args;
    }

    /// <summary>buildah reports an unpullable FROM as "creating build container: … initializing source docker://IMAGE …".</summary>
    public override bool MeansBaseImageUnpullable(string line) =>
        line.Contains("creating build container", StringComparison.Ordinal)
            || line.Contains("initializing source docker://", StringComparison.Ordinal);

    private IEnumerable<string> StorageArguments()
    {
        yield return "--storage-driver";
        yield return StorageDriver;
        if (StorageRoot is not null)
        {
            yield return "--root";
            yield return StorageRoot;
            yield return "--runroot";
            yield return StorageRoot + "-run";
        }
    }
}
