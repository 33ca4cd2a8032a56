namespace Release.Applications;

/// <summary>
/// The fluent declaration of one module, inside <see cref="Application.Module"/>:
/// <c>m =&gt; m.Folder("samples/pricing").Dockerfile().Chart("chart").Health("/healthz").DependsOn("catalog")</c>.
/// Later calls replace earlier ones, except <see cref="DependsOn"/>, which adds.
/// </summary>
public sealed class ModuleDeclaration
{
    private readonly List<string> _dependsOn = [];
    private readonly List<string> _inputs = [];

    internal ModuleDeclaration(string name) => Name = name;

    internal string Name { get; }
    internal ModuleSource? Source { get; private set; }
    internal ModuleBuild? BuildKind { get; private set; }
    internal string? ChartFolder { get; private set; }
    internal string? HealthPath { get; private set; }
    internal string? TestProject { get; private set; }
    internal IReadOnlyList<string> Dependencies => _dependsOn;
    internal IReadOnlyList<string> InputPaths => _inputs;

    /// <summary>The module's source is a folder of this repository, relative to its root.</summary>
    public ModuleDeclaration Folder(string path) { Source = new FolderSource(Normalize(path)); return this; }

    /// <summary>
    /// The module's source is a branch of its own git repository, cloned to <paramref name="folder"/> (by default
    /// <c>.nuke/temp/workspace/NAME</c>, where the Clone stage checks a module out) before it is built.
    /// </summary>
    public ModuleDeclaration Repository(string url, string branch, string? folder = null)
    {
        Source = new RepositorySource(url, branch, Normalize(folder ?? $".nuke/temp/workspace/{Name}"));
        return this;
    }

    /// <summary>The module is the .NET project <paramref name="project"/> (relative to the module's folder).</summary>
    public ModuleDeclaration DotNetProject(string project) { BuildKind = new DotNetProjectBuild(Normalize(project)); return this; }

    /// <summary>
    /// The module is built from a Dockerfile (relative to the module's folder), with the given context folder; when
    /// <paramref name="publish"/> names a .NET project, it is published into the context's <c>publish/</c> first.
    /// </summary>
    public ModuleDeclaration Dockerfile(string dockerfile = "Dockerfile", string context = ".", string? publish = null)
    {
        BuildKind = new DockerfileBuild(Normalize(dockerfile), Normalize(context), publish is null ? null : Normalize(publish));
        return this;
    }

    /// <summary>The module's Helm chart folder, relative to the module's folder.</summary>
    public ModuleDeclaration Chart(string folder) { ChartFolder = Normalize(folder); return this; }

    /// <summary>The HTTP path that answers 200 when the module is healthy, e.g. <c>/healthz</c>.</summary>
    public ModuleDeclaration Health(string path) { HealthPath = path; return this; }

    /// <summary>The module's own integration test project, relative to the module's folder.</summary>
    public ModuleDeclaration IntegrationTests(string project) { TestProject = Normalize(project); return this; }

    /// <summary>
    /// Files or folders of this repository outside the module's folder that its build reads (a shared props file, a
    /// proto folder), relative to the repository root. Adds. A change to them rebuilds the module, as a change to its
    /// folder does, and the CI rules run its jobs for them.
    /// </summary>
    public ModuleDeclaration Inputs(params string[] paths) { _inputs.AddRange(paths.Select(Normalize)); return this; }

    /// <summary>Modules this one needs: built before it, deployed and healthy before it starts.</summary>
    public ModuleDeclaration DependsOn(params string[] modules) { _dependsOn.AddRange(modules); return this; }

    private static string Normalize(string path) => path.Replace('\\', '/').TrimEnd('/') is { Length: > 0 } p ? p : ".";
}
