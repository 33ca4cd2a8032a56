using Release.Containers.Builders;
using Release.Engine;
using Release.Oci;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Stages.Common;
using Release.Tooling.DotNet;

namespace Release.Stages.BuildImage;

/// <summary>How a module built from a Dockerfile is built: paths relative to the module's folder.</summary>
/// <param name="Dockerfile">The Dockerfile.</param>
/// <param name="Context">The build context.</param>
/// <param name="PublishedProject">A .NET project published into the context's <c>publish/</c> first, or null.</param>
internal sealed record DockerfileModule(string Dockerfile, string Context, string? PublishedProject);

/// <summary>
/// The Build stage for a module built from its own Dockerfile: publishes the named .NET project into the context's
/// <c>publish/</c> folder (the embedded base holds the runtime only), builds the Dockerfile on the run's base image
/// (passed as <c>BASE_IMAGE</c>) with buildah, else docker, pushes it under the commit's tag, and leaves the same
/// record as a .NET module's build: <c>image.json</c>, an OCI layout copy of the pushed image and the published
/// project's <c>project.assets.json</c> (what Scan reads).
/// </summary>
internal sealed class DockerfileImageStage(IBuildImage build, DockerfileModule dockerfile)
{
    private readonly ImageBuildBasis _basis = new(build);

    public Task RunAsync(CancellationToken ct) => _basis.RunAsync(() => RunCoreAsync(ct));

    private async Task RunCoreAsync(CancellationToken ct)
    {
        // The embedded base image is assembled from a Linux host's runtime, as for a .NET project's image.
        if (OperatingSystem.IsWindows())
            throw new PlatformNotSupportedException("Build: the Build stage runs on Linux build agents only.");
        var paths = build.Paths;
        var log = build.Log.Information;
        var source = await PipelineRecords.ReadSourceAsync(paths, ct).ConfigureAwait(false);
        var module = paths.Workspace / build.ModuleDirectory;
        var context = module / dockerfile.Context;
        var file = module / dockerfile.Dockerfile;
        if (!file.FileExists())
            throw new BuildInputException($"Build: {build.Module}'s Dockerfile '{dockerfile.Dockerfile}' does not exist in {module}. Fix the " +
                "module's declaration (.Dockerfile(...)).");
        var tag = ImageBuildBasis.ImageTagOf(source, paths);
        var repository = build.ImageRepository ?? build.Module;

        using var output = StageOutput.Begin(paths.BuildDirectory);
        var (registry, resolver, request) = await _basis.PrepareAsync(ct).ConfigureAwait(false);
        var baseImage = await _basis.ResolveBaseAsync(resolver, request, ct).ConfigureAwait(false);

        var assets = await PublishAsync(module, context, source, ct).ConfigureAwait(false);
        var metadata = new ImageMetadata { Version = source.Version, Revision = source.Commit, Created = source.CommitDate };
        var reference = $"{registry}/{repository}:{tag}";
        var tool = Tool(paths);
        log($"Building {file.RelativeTo(paths.Workspace)} with {tool.Command} on {baseImage.Reference} as {reference}");
        try
        {
            await new DockerfileBuilder(tool, build.Processes, log).BuildAndPushAsync(new DockerfileBuildSettings(context, [reference])
            {
                Dockerfile = file,
                // The commit's time on the image and its files: the same commit builds the same digest again (a chart
                // version, once published, must keep pinning one image).
                Timestamp = source.CommitDate,
                BaseImage = baseImage.Reference,
                Metadata = metadata,
                // The embedded registry and a team's plain-HTTP mirror; a TLS registry is verified.
                TlsVerify = build.Registry is null ? false : !IsLoopback(registry),
            }, ct).ConfigureAwait(false);
        }
        catch (ContainerBuildException e)
        {
            throw new InvalidOperationException($"Build: {build.Module}'s Dockerfile did not build: {e.Message}", e);
        }

        // The copy Scan reads and jobs without the registry push from: what the registry now serves under the tag.
        using var client = _basis.Client(registry);
        var digest = await client.PullToLayoutAsync(repository, tag, output.Staging / paths.ImageLayout.Name, ct).ConfigureAwait(false);
        if (assets is not null) File.Copy(assets, output.Staging / paths.ProjectAssets.Name);

        var record = new ImageRecord(registry, repository, tag, digest.ToString(), baseImage.Reference,
            metadata.ToLabels().ToDictionary(l => l.Key, l => l.Value), dockerfile.PublishedProject is null ? "" : context / "publish");
        await _basis.RecordAsync(output, record, ct).ConfigureAwait(false);
        log($"Image {reference}@{digest} on {baseImage.Reference} (from {dockerfile.Dockerfile})");
    }

    // dotnet publish into the context's publish/ folder, as the Dockerfile expects; returns the project's NuGet graph.
    // With the properties a .NET module's Build compiles with (ModuleBuildProperties): deterministic paths, so the same
    // commit published in another folder (another CI runner's) gives the same files, the same image and the same digest
    // under its immutable tag; without them the assembly named its PDB by this folder's absolute path.
    private async Task<string?> PublishAsync(AbsolutePath module, AbsolutePath context, SourceRecord source, CancellationToken ct)
    {
        if (dockerfile.PublishedProject is null) return null;
        var project = module / dockerfile.PublishedProject;
        var publish = context / "publish";
        if (publish.DirectoryExists()) Directory.Delete(publish, recursive: true);
        try
        {
            await new DotNetClient(log: build.Log.Information, secrets: build.Context.Secrets.Secrets).PublishAsync(new DotNetPublishSettings
            {
                Project = project, Configuration = "Release", Output = publish, Properties = ModuleBuildProperties.For(source),
            }, project.Parent, ct).ConfigureAwait(false);
        }
        catch (DotNetBuildFailedException e)
        {
            throw new InvalidOperationException(
                $"Build: {dockerfile.PublishedProject} does not compile ({e.Errors.Count} " +
                    $"error(s)):\n{string.Join('\n', e.Errors.Select(d => "  " + d))}\nFix the code at the lines above.", e);
        }
        var assets = project.Parent / "obj" / "project.assets.json";
        return assets.FileExists() ? assets : null;
    }

    // buildah where it is installed (it needs no daemon), else docker.
    private static DockerfileTool Tool(PipelinePaths paths) =>
        OnPath("buildah") ? new BuildahTool { StorageRoot = paths.ServicesDirectory / "buildah" }
        : OnPath("docker") ? new DockerTool()
        : throw new BuildInputException("Build: a module built from a Dockerfile needs buildah or docker on the PATH. Install one (apt-get install " +
            "buildah).");

    private static bool OnPath(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, command)));

    private static bool IsLoopback(string registry) =>
        registry.StartsWith("127.", StringComparison.Ordinal) || registry.StartsWith("localhost", StringComparison.Ordinal);
}
