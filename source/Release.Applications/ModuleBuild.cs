namespace Release.Applications;

/// <summary>How a module's image is built.</summary>
public abstract record ModuleBuild
{
    private protected ModuleBuild() { }
}

/// <summary>A .NET project, built, tested and published as a container by the SDK (as the pipeline does today).</summary>
/// <param name="Project">The project file, relative to the module's folder.</param>
public sealed record DotNetProjectBuild(string Project) : ModuleBuild;

/// <summary>A Dockerfile, built with the container tool wrappers (buildah or docker).</summary>
/// <param name="Dockerfile">The Dockerfile, relative to the module's folder.</param>
/// <param name="Context">The build context, relative to the module's folder.</param>
/// <param name="PublishedProject">
/// A .NET project published (<c>dotnet publish -c Release -o publish</c>) into the context's <c>publish/</c> folder
/// before the Dockerfile is built, relative to the module's folder; null when the Dockerfile needs nothing prepared.
/// For Dockerfiles on a runtime-only base (the embedded base image): the SDK image a multi-stage Dockerfile would
/// build in cannot be pulled offline.
/// </param>
public sealed record DockerfileBuild(string Dockerfile, string Context, string? PublishedProject = null) : ModuleBuild;
