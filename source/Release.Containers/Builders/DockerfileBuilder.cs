using Release.Tooling.Processes;

namespace Release.Containers.Builders;

/// <summary>
/// Builds a Dockerfile and pushes every tag, with buildah here or docker elsewhere: one build-and-push core, the tool
/// (<see cref="DockerfileTool"/>) supplying what differs. A FROM image that cannot be pulled is reported as such,
/// naming the image and the fix; any other failure carries the command and its error lines.
/// </summary>
/// <param name="tool">The tool that builds, e.g. <c>new BuildahTool()</c>.</param>
/// <param name="runner">Runs the tool's commands.</param>
/// <param name="log">Receives every output line.</param>
public sealed class DockerfileBuilder(DockerfileTool tool, IProcessRunner runner, Action<string> log)
{
    /// <summary>The tool that builds.</summary>
    public DockerfileTool Tool => tool;

    /// <summary>Builds the image and pushes every tag; returns the tags pushed.</summary>
    /// <exception cref="BaseImages.BaseImageUnavailableException">The FROM image cannot be pulled.</exception>
    /// <exception cref="ContainerBuildException">The build or a push failed.</exception>
    public async Task<IReadOnlyList<string>> BuildAndPushAsync(DockerfileBuildSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var build = Spec(tool.BuildArguments(settings));
        var built = await runner.RunAsync(build, cancellationToken).ConfigureAwait(false);
        if (built.ExitCode != 0)
            throw BuildFailures.From(
                $"{tool.Command} {build.Arguments[0]}",
                settings.BaseImage ?? "the Dockerfile's FROM image",
                build,
                built,
                tool.MeansBaseImageUnpullable);
        foreach (var tag in settings.Tags)
        {
            var push = Spec(tool.PushArguments(tag, settings.TlsVerify));
            var pushed = await runner.RunAsync(push, cancellationToken).ConfigureAwait(false);
            if (pushed.ExitCode != 0)
                throw BuildFailures.From($"{tool.Command} push {tag}", null, push, pushed, _ => false);
        }
        return settings.Tags;
    }

    private ProcessSpec Spec(IReadOnlyList<string> args) => new(tool.Command, args)
    {
        Environment = tool.Environment,
        OnOutput = log,
        AllowNonZeroExit = true,
        Timeout = TimeSpan.FromMinutes(30),
    };
}
