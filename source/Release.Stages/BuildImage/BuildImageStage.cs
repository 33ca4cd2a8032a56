using Release.Containers.Builders;
using Release.Engine;
using Release.Oci;
using Release.Stages.Common;
using Release.Tooling.DotNet;
using Release.Pipeline;
using Release.Pipeline.Records;

namespace Release.Stages.BuildImage;

/// <summary>What the Build target does, in order: mirror check, compile, base image, publish, reproducible image (OCI layout), immutable push,
/// record.</summary>
internal sealed class BuildImageStage(IBuildImage build)
{
    private const string Configuration = "Release";
    private readonly ImageBuildBasis _basis = new(build);

    public Task RunAsync(CancellationToken ct) => _basis.RunAsync(() => RunCoreAsync(ct));

    private async Task RunCoreAsync(CancellationToken ct)
    {
        // The embedded base image is assembled from a Linux host's runtime; the analyzer sees this guard.
        if (OperatingSystem.IsWindows())
            throw new PlatformNotSupportedException("Build: the Build stage runs on Linux build agents only.");
        var paths = build.Paths;
        var source = await PipelineRecords.ReadSourceAsync(paths, ct).ConfigureAwait(false);
        var module = paths.Workspace / build.ModuleDirectory;
        var solution = ModuleProjects.Solution(module, build.ModuleSolution);
        var appProject = ModuleProjects.AppProject(module, build.AppProject);
        var repository = build.ImageRepository ?? build.Module;
        // Only the version-and-commit tag Clone computed: unique per commit, so a rebuild of another commit never moves
        // it. Moving tags (the bare version, the channel) are the Push and release stages' business.
        string[] tags = [ImageBuildBasis.ImageTagOf(source, paths)];
        var log = build.Log.Information;

        using var output = StageOutput.Begin(paths.BuildDirectory);
        var (registry, resolver, request) = await _basis.PrepareAsync(ct).ConfigureAwait(false);
        // A mirror is checked before compiling, so a wrong --base-image fails in seconds, not after the build.
        if (build.BaseImage is not null) await resolver.EnsurePullableAsync(build.BaseImage, ct).ConfigureAwait(false);

        await CompileAsync(solution, source, ct).ConfigureAwait(false);
        var baseImage = await _basis.ResolveBaseAsync(resolver, request, ct).ConfigureAwait(false);
        var publishDirectory = await PublishAsync(appProject, ct).ConfigureAwait(false);

        // The image is assembled here, not by the SDK's PublishContainer: that one stamps every file and the config
        // with the current time, so the same commit would give a new digest on every build and its immutable tag
        // could never be pushed again. Ours takes the commit's time: same commit, same bytes, same digest.
        // Nothing from this machine goes into the image: the source label is the repository's address (never a host
        // path), the times are the commit's and the base is named without the embedded registry's port.
        var (sourceUrl, sourceWhy) = await ImageSourceUrl.ResolveAsync(source.Repository, ct).ConfigureAwait(false);
        log(sourceUrl is null ? $"Image source label: none, because {sourceWhy}" : $"Image source label: {sourceUrl} ({sourceWhy})");
        var metadata = new ImageMetadata { Version = source.Version, Revision = source.Commit, Source = sourceUrl, Created = source.CommitDate };
        var layoutDirectory = output.Staging / paths.ImageLayout.Name;
        var image = await new AppImageBuilder(log).BuildAsync(new AppImageSettings
        {
            BaseLayoutDirectory = baseImage.LayoutDirectory,
            BaseLayoutTag = baseImage.LayoutTag,
            BaseImageName = baseImage.Name,
            PublishDirectory = publishDirectory,
            EntryAssembly = Path.GetFileNameWithoutExtension(appProject) + ".dll",
            Timestamp = source.CommitDate,
            Metadata = metadata,
            DestinationLayoutDirectory = layoutDirectory,
            Tag = tags[0],
        }, ct).ConfigureAwait(false);

        using var client = _basis.Client(registry);
        var digest = await PushAsync(client, layoutDirectory, repository, tags[0], image.ManifestDigest, registry, source, ct).ConfigureAwait(false);
        File.Copy(appProject.Parent / "obj" / "project.assets.json", output.Staging / paths.ProjectAssets.Name);

        var record = new ImageRecord(registry, repository, tags[0], digest, baseImage.Reference,
            metadata.ToLabels().ToDictionary(l => l.Key, l => l.Value), publishDirectory);
        await _basis.RecordAsync(output, record, ct).ConfigureAwait(false);
        build.Log.Information($"Image {registry}/{repository}:{tags[0]}@{digest} on {baseImage.Reference}");
    }

    private async Task CompileAsync(AbsolutePath solution, SourceRecord source, CancellationToken ct)
    {
        try
        {
            await new DotNetClient(log: build.Log.Information, secrets: build.Context.Secrets.Secrets).BuildAsync(new DotNetBuildSettings
            {
                Project = solution,
                Configuration = Configuration,
                Properties = ModuleBuildProperties.For(source),
            }, solution.Parent, ct).ConfigureAwait(false);
        }
        catch (DotNetBuildFailedException e)
        {
            var errors = e.Errors.Select(d => "  " + (d with { File = Relative(d.File) }));
            throw new InvalidOperationException(
                $"Build: {solution.Name} does not compile ({e.Errors.Count} error(s)):\n{string.Join('\n', errors)}\n" +
                $"Fix the code at the lines above (paths are relative to the repository root of commit {source.ShortCommit}).", e);
        }
    }

    // Compiler paths point into the workspace; relative to the repository they match the developer's checkout.
    private string Relative(string file) =>
        Path.IsPathFullyQualified(file) && file.StartsWith(build.Paths.Workspace + "/", StringComparison.Ordinal)
            ? Path.GetRelativePath(build.Paths.Workspace, file)
            : file;

    // Publishes what Build just compiled (no second compile) into a clean folder: a file left from an earlier publish
    // would end up in the image.
    private async Task<string> PublishAsync(AbsolutePath appProject, CancellationToken ct)
    {
        var directory = appProject.Parent / "bin" / Configuration / "image-publish";
        if (directory.DirectoryExists()) Directory.Delete(directory, recursive: true);
        await new DotNetClient(log: build.Log.Information, secrets: build.Context.Secrets.Secrets).PublishAsync(new DotNetPublishSettings
        {
            Project = appProject, Configuration = Configuration, Output = directory, NoBuild = true, NoRestore = true,
        }, appProject.Parent, ct).ConfigureAwait(false);
        return directory;
    }

    // The tag names the commit and is immutable: the same commit built again gives the same digest, which is accepted;
    // another digest means an input other than the commit changed (SDK, base image), and the tag may not move.
    private async Task<string> PushAsync(OciRegistryClient client, AbsolutePath layout, string repository, string tag, string digest,
        string registry, SourceRecord source, CancellationToken ct)
    {
        try
        {
            var pushed = await client.PushLayoutAsync(layout, repository, tag, tag, immutableTag: true, ct).ConfigureAwait(false);
            return pushed.ToString();
        }
        catch (ImmutableTagException e)
        {
            throw new InvalidOperationException(
                $"Build: {registry}/{repository}:{tag} already holds {e.ExistingDigest} for commit {source.ShortCommit}, and this build of the " +
                    "same " +
                $"commit gives {digest}: something besides the commit changed (the .NET SDK or the base image). Tags are immutable, so " +
                "release the change as a new commit, or push to another repository with --image-repository.", e);
        }
    }
}
