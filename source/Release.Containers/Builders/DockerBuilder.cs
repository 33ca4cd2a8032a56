using Release.Tooling.Processes;

namespace Release.Containers.Builders;

/// <summary>Builds Dockerfiles with the docker CLI and pushes the result (for hosts with a docker daemon).</summary>
public sealed class DockerBuilder(ProcessRunner runner, Action<string> log)
{
    /// <summary>Daemon address (DOCKER_HOST), e.g. <c>unix:///run/ci/docker.sock</c>; null uses docker's default.</summary>
    public string? DockerHost { get; init; }

    /// <summary>The exact arguments of <c>docker build</c>.</summary>
    public static IReadOnlyList<string> BuildArguments(DockerfileBuildSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var args = new List<string> { "build", "-f", settings.Dockerfile ?? Path.Combine(settings.ContextDirectory, "Dockerfile") };
        foreach (var (key, value) in settings.AllBuildArguments())
            args.AddRange(["--build-arg", $"{key}={value}"]);
        foreach (var (key, value) in settings.Metadata.ToLabels())
            args.AddRange(["--label", $"{key}={value}"]);
        foreach (var tag in settings.Tags)
            args.AddRange(["-t", tag]);
        args.Add(settings.ContextDirectory);
        return args;
    }

    /// <summary>The exact arguments of <c>docker push</c>.</summary>
    public static IReadOnlyList<string> PushArguments(string tag) => ["push", tag];

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
            // Classic builder: "pull access denied" / "manifest unknown"; BuildKit: "failed to resolve source metadata for IMAGE".
            throw BuildFailures.From("docker build", settings.BaseImage ?? "the Dockerfile's FROM image", build, built,
                line => line.Contains("pull access denied", StringComparison.Ordinal) || line.Contains("manifest unknown", StringComparison.Ordinal)
                    || line.Contains("failed to resolve source metadata", StringComparison.Ordinal) || line.Contains("not found: manifest", StringComparison.Ordinal));
        }
        foreach (var tag in settings.Tags)
        {
            var push = Spec(PushArguments(tag));
            var pushed = await runner.RunAsync(push, cancellationToken).ConfigureAwait(false);
            if (pushed.ExitCode != 0)
                throw BuildFailures.From($"docker push {tag}", null, push, pushed, _ => false);
        }
        return settings.Tags;
    }

    private ProcessSpec Spec(IReadOnlyList<string> args) => new("docker", args)
    {
        Environment = DockerHost is null ? new Dictionary<string, string?>() : new Dictionary<string, string?> { ["DOCKER_HOST"] = DockerHost },
        OnOutput = log,
        AllowNonZeroExit = true,
        Timeout = TimeSpan.FromMinutes(30),
    };
}
