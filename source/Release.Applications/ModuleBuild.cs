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
public sealed record DockerfileBuild(string Dockerfile, string Context) : ModuleBuild;
