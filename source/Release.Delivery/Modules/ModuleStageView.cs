using Release.Applications;
using Release.Delivery.Chart;
using Release.Delivery.Push;
using Release.Engine;
using Release.Pipeline;
using Release.Stages.BuildImage;
using Release.Stages.Clone;
using Release.Stages.Scan;
using Release.Stages.UnitTest;

namespace Release.Delivery.Modules;

/// <summary>
/// The build seen as the build of one module of its application: the same context (parameters, log, per-run services
/// such as the embedded registry), with what the declaration says of the module in place of the one-module parameters
/// (<c>--module</c>, <c>--module-directory</c>, <c>--app-project</c>, the image repository, the health path). The
/// stages run on it unchanged, so a module's files land in its own <see cref="PipelinePaths"/>.
/// </summary>
internal sealed class ModuleStageView(IBuild owner, ApplicationModule module, CheckedApplication? application = null) : IChart, IScan, IUnitTest
{
    public BuildContext Context => owner.Context;

    public ApplicationModule Declared => module;

    string IPipeline.Module => module.Name;

    /// <summary>The module's files: <c>artifacts/modules/MODULE/</c> and its workspace.</summary>
    public PipelinePaths Paths => new(Context.RootDirectory, module.Name);

    // A module of its own repository is that repository's root; a folder module is a folder of this repository's clone.
    // The build's own module (an application of one module cloned from --source-repository) keeps --module-directory.
    string IPipeline.ModuleDirectory => IsOwnersModule ? ((IPipeline)owner).ModuleDirectory
        : module.Source is RepositorySource ? "." : module.Folder;

    string IClone.SourceRepository => module.Source is RepositorySource repository ? repository.Url
        : owner is IClone clone ? clone.SourceRepository : Context.RootDirectory;

    string? IClone.SourceRef => IsOwnersModule ? ((IClone)owner).SourceRef
        : module.Source is RepositorySource repository ? repository.Branch : (owner as IClone)?.SourceRef;

    // A folder module is versioned at the last commit changing its folder, its inputs or those of the modules it depends
    // on (ModuleSourcePaths): a commit touching only other modules leaves its record, Build and Push up to date. A module
    // of its own repository, and the one-module build's module, are versioned at the commit checked out.
    IReadOnlyList<SourceFolder>? IClone.SourceFolders =>
        application is null || IsOwnersModule ? null : ModuleSourcePaths.Of(application, module.Name);

    // The module the one-module parameters describe: its repository is --source-repository and its name --module.
    private bool IsOwnersModule => module.Source is RepositorySource repository && owner is IClone clone
        && repository.Url == clone.SourceRepository && module.Name == clone.Module;

    // Each module has its own repository: its name, under --image-repository when one is given (a CI project's path).
    string? IBuildImage.ImageRepository => Under((owner as IBuildImage)?.ImageRepository);

    string? IPush.PushRepository => Under((owner as IPush)?.PushRepository);

    string? IBuildImage.AppProject => IsOwnersModule ? ((IBuildImage?)(owner as IBuildImage))?.AppProject
        : module.Build is DotNetProjectBuild project ? project.Project : null;

    string IChart.HealthPath => module.HealthPath ?? "/health";

    IReadOnlyDictionary<string, string> IChart.ChartConfig => (owner as IChart)?.ChartConfig ?? new Dictionary<string, string>();

    /// <summary>How the Build stage builds this module: from its Dockerfile, or null for a .NET project.</summary>
    public DockerfileModule? Dockerfile => module.Build is DockerfileBuild dockerfile
        ? new DockerfileModule(dockerfile.Dockerfile, dockerfile.Context, dockerfile.PublishedProject)
        : null;

    private string? Under(string? given) => string.IsNullOrWhiteSpace(given) ? null : $"{given.Trim().TrimEnd('/')}/{module.Name}";
}
