namespace Release.Applications;

/// <summary>One module of an application, as declared and checked.</summary>
/// <param name="Name">Its name: a DNS label (lowercase letters, digits, '-'), since it names its chart, release and image.</param>
/// <param name="Source">Where its source is.</param>
/// <param name="Build">How its image is built.</param>
/// <param name="Chart">Its Helm chart's folder, relative to the module's folder; null when it has none.</param>
/// <param name="HealthPath">The HTTP path that answers 200 when the module is healthy (<c>/healthz</c>); null when it has none.</param>
/// <param name="IntegrationTests">Its own integration test project, relative to the module's folder; null when it has none.</param>
/// <param name="DependsOn">The modules it needs (built before it, deployed and healthy before it starts).</param>
/// <param name="Site">Where it was declared.</param>
public sealed record ApplicationModule(
    string Name,
    ModuleSource Source,
    ModuleBuild Build,
    string? Chart,
    string? HealthPath,
    string? IntegrationTests,
    IReadOnlyList<string> DependsOn,
    DeclarationSite Site)
{
    /// <summary>
    /// Files or folders of this repository outside its folder that its build reads, relative to the repository root
    /// (<see cref="ModuleDeclaration.Inputs"/>): they version and rebuild it as its folder does.
    /// </summary>
    public IReadOnlyList<string> Inputs { get; init; } = [];

    /// <summary>The module's folder relative to the repository root (its own folder, or where its clone goes).</summary>
    public string Folder => Source switch
    {
        FolderSource folder => folder.Path,
        RepositorySource repository => repository.Folder,
        _ => throw new InvalidOperationException("A module source is a folder or a repository."),
    };
}
