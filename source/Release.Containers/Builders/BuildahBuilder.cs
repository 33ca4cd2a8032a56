using Release.Tooling.Processes;

namespace Release.Containers.Builders;

/// <summary>
/// Builds Dockerfiles with buildah (no daemon) and pushes the result. Defaults suit unprivileged CI containers:
/// the vfs storage driver (no overlay mounts), chroot isolation (no namespaces), and runc for RUN steps.
/// </summary>
public sealed class BuildahBuilder(ProcessRunner runner, Action<string> log)
{
    /// <summary>Storage driver; vfs works everywhere, at the price of copying layers.</summary>
    public string StorageDriver { get; init; } = "vfs";

    /// <summary>Isolation for RUN steps.</summary>
    public string Isolation { get; init; } = "chroot";

    /// <summary>OCI runtime for RUN steps.</summary>
    public string Runtime { get; init; } = "/usr/sbin/runc";

    /// <summary>Private storage root (and run root beside it); null uses buildah's default.</summary>
    public string? StorageRoot { get; init; }

    /// <summary>The exact arguments of <c>buildah bud</c>.</summary>
    public IReadOnlyList<string> BuildArguments(DockerfileBuildSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var args = new List<string> { "bud" };
        args.AddRange(StorageArguments());
        args.AddRange(["--isolation", Isolation, "--runtime", Runtime]);
        if (!settings.TlsVerify)
            args.Add("--tls-verify=false");
        args.AddRange(["-f", settings.Dockerfile ?? Path.Combine(settings.ContextDirectory, "Dockerfile")]);
        foreach (var (key, value) in settings.AllBuildArguments())
            args.AddRange(["--build-arg", $"{key}={value}"]);
        foreach (var (key, value) in settings.Metadata.ToLabels())
            args.AddRange(["--label", $"{key}={value}"]);
        foreach (var tag in settings.Tags)
            args.AddRange(["-t", tag]);
        args.Add(settings.ContextDirectory);
        return args;
    }

    /// <summary>The exact arguments of <c>buildah push</c> for <paramref name="tag"/>.</summary>
    public IReadOnlyList<string> PushArguments(string tag, bool tlsVerify)
    {
        var args = new List<string> { "push" };
        args.AddRange(StorageArguments());
        if (!tlsVerify)
            args.Add("--tls-verify=false");
        args.AddRange([tag, $"docker://{tag}"]);
        return args;
    }

    /// <summary>Builds the image and pushes every tag; returns the tags pushed.</summary>
    /// <exception cref="BaseImages.BaseImageUnavailableException">The FROM image cannot be pulled.</exception>
    /// <exception cref="ContainerBuildException">The build or a push failed.</exception>
    public async Task<IReadOnlyList<string>> BuildAndPushAsync(DockerfileBuildSettings settings, CancellationToken cancellationToken = default)
    {
        settings.Validate();
        var build = Spec(BuildArguments(settings));
        var built = await runner.RunAsync(build, cancellationToken).ConfigureAwait(false);
        if (built.ExitCode != 0)
        {
            // buildah reports an unpullable FROM as "creating build container: … initializing source docker://IMAGE …".
            throw BuildFailures.From("buildah bud", settings.BaseImage ?? "the Dockerfile's FROM image", build, built,
                line => line.Contains("creating build container", StringComparison.Ordinal) || line.Contains("initializing source docker://", StringComparison.Ordinal));
        }
        foreach (var tag in settings.Tags)
        {
            var push = Spec(PushArguments(tag, settings.TlsVerify));
            var pushed = await runner.RunAsync(push, cancellationToken).ConfigureAwait(false);
            if (pushed.ExitCode != 0)
                throw BuildFailures.From($"buildah push {tag}", null, push, pushed, _ => false);
        }
        return settings.Tags;
    }

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

    private ProcessSpec Spec(IReadOnlyList<string> args) =>
        new("buildah", args) { OnOutput = log, AllowNonZeroExit = true, Timeout = TimeSpan.FromMinutes(30) };
}
