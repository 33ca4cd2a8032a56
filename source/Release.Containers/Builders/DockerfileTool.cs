namespace Release.Containers.Builders;

/// <summary>
/// What sets one Dockerfile-building tool apart from another (<see cref="BuildahTool"/>, <see cref="DockerTool"/>): its
/// command name, the arguments of its build and push, its environment, and the output lines that mean "the FROM image
/// cannot be pulled". The Dockerfile part of the build arguments is the same for all of them and lives here.
/// </summary>
public abstract class DockerfileTool
{
    /// <summary>The command, e.g. <c>buildah</c>.</summary>
    public abstract string Command { get; }

    /// <summary>The environment the tool runs with (empty for none).</summary>
    public virtual IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?>();

    /// <summary>The exact arguments of the build.</summary>
    public abstract IReadOnlyList<string> BuildArguments(DockerfileBuildSettings settings);

    /// <summary>The exact arguments that push <paramref name="tag"/>.</summary>
    public abstract IReadOnlyList<string> PushArguments(string tag, bool tlsVerify);

    /// <summary>True for an output line of a failed build that says the FROM image cannot be pulled.</summary>
    public abstract bool MeansBaseImageUnpullable(string line);

    /// <summary>The Dockerfile, build arguments (sorted), labels, tags and context, as every tool takes them.</summary>
    protected static IEnumerable<string> DockerfileArguments(DockerfileBuildSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        yield return "-f";
        yield return settings.Dockerfile ?? Path.Combine(settings.ContextDirectory, "Dockerfile");
        foreach (var (key, value) in settings.AllBuildArguments())
        {
            yield return "--build-arg";
            yield return $"{key}={value}";
        }
        foreach (var (key, value) in settings.Metadata.ToLabels())
        {
            yield return "--label";
            yield return $"{key}={value}";
        }
        foreach (var tag in settings.Tags)
        {
            yield return "-t";
            yield return tag;
        }
        yield return settings.ContextDirectory;
    }
}
