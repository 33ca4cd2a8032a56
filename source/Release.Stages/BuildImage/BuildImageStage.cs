using Release.Containers.BaseImages;
using Release.Containers.Builders;
using Release.Engine;
using Release.Oci;
using Release.Process.Versioning;
using Release.Stages.Common;
using Release.Stages.Pipeline;
using Release.Tooling.DotNet;
using Release.Tooling.Processes;

namespace Release.Stages.BuildImage;

/// <summary>What the Build target does, in order: base image check, compile, image, push, digest, layout copy, record.</summary>
internal sealed class BuildImageStage(IBuildImage build)
{
    private const string Configuration = "Release";

    public async Task RunAsync(CancellationToken ct)
    {
        // The embedded base image is assembled from a Linux host's runtime; the analyzer sees this guard.
        if (OperatingSystem.IsWindows())
            throw new PlatformNotSupportedException("Build: the Build stage runs on Linux build agents only.");
        var paths = build.Paths;
        var source = await StageRecord.ReadAsync<SourceRecord>(paths.SourceRecord, "Clone", ct);
        var module = paths.Workspace / build.ModuleDirectory;
        var solution = ModuleProjects.Solution(module, build.ModuleSolution);
        var appProject = ModuleProjects.AppProject(module, build.AppProject);
        var repository = build.ImageRepository ?? build.Module;
        var chart = ChartVersion.Parse(source.ChartVersion);
        // Only the version-and-commit tag: unique per commit, so a rebuild of another commit never moves it. Moving
        // tags (the bare version, the channel) are the Push and release stages' business.
        string[] tags = [chart.ToOciTag()];
        var log = build.Log.Information;

        using var output = StageOutput.Begin(paths.BuildDirectory);
        var registry = build.Registry ?? await build.EmbeddedRegistry.GetAddressAsync(ct);
        var resolver = new BaseImageResolver(new HostBaseImageAssembler(new ProcessRunner(), log), address => Client(address), log);
        var request = new BaseImageRequest(registry, paths.ServicesDirectory / "base-image") { MirrorImage = build.BaseImage };
        // A mirror is checked before compiling, so a wrong --base-image fails in seconds, not after the build.
        var baseImage = build.BaseImage is null ? null : await resolver.ResolveAsync(request, ct);

        await CompileAsync(solution, source, ct);
        baseImage ??= await resolver.ResolveAsync(request, ct);

        var metadata = new ImageMetadata { Version = source.Version, Revision = source.Commit, Source = source.Repository, Created = source.CommitDate };
        await new DotNetContainerPublisher(new ProcessRunner(), log).PublishAsync(
            new DotNetContainerSettings(appProject, baseImage, repository)
            {
                Registry = registry,
                Tags = tags,
                Configuration = Configuration,
                Metadata = metadata,
                InsecureRegistries = new[] { registry, ImageHost(baseImage) }.Where(IsLoopbackAddress).Distinct().ToList(),
            }, ct);

        using var client = Client(registry);
        var digest = await client.ResolveDigestAsync(repository, tags[0], ct)
            ?? throw new InvalidOperationException($"Build: {registry}/{repository}:{tags[0]} was pushed but the registry does not know it. Check the registry's logs.");
        await client.PullToLayoutAsync(repository, tags[0], output.Staging / paths.ImageLayout.Name, ct);
        File.Copy(appProject.Parent / "obj" / "project.assets.json", output.Staging / paths.ProjectAssets.Name);

        var record = new ImageRecord(registry, repository, tags[0], digest.ToString(), baseImage,
            metadata.ToLabels().ToDictionary(l => l.Key, l => l.Value), PublishDirectory(appProject));
        await StageRecord.WriteAsync(output.Staging / paths.ImageRecord.Name, record, ct);
        output.Commit();

        build.Log.Information($"Image {registry}/{repository}:{tags[0]}@{digest} on {baseImage}");
        build.ReportSummary("image", $"{repository}:{tags[0]}");
        build.ReportSummary("digest", digest.ToString());
    }

    private async Task CompileAsync(AbsolutePath solution, SourceRecord source, CancellationToken ct)
    {
        try
        {
            await new DotNetClient(log: build.Log.Information, secrets: build.Context.Secrets.Secrets).BuildAsync(new DotNetBuildSettings
            {
                Project = solution,
                Configuration = Configuration,
                Properties = new Dictionary<string, string>
                {
                    ["Version"] = source.Version, ["SourceRevisionId"] = source.Commit, ["ContinuousIntegrationBuild"] = "true",
                },
            }, solution.Parent, ct);
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

    // The SDK publishes to bin/Release/<tfm>/<rid>/publish, the runtime identifier taken from the base image.
    private static string PublishDirectory(AbsolutePath appProject)
    {
        var bin = appProject.Parent / "bin" / Configuration;
        return Directory.GetDirectories(bin, "publish", SearchOption.AllDirectories).OrderByDescending(Directory.GetLastWriteTimeUtc).FirstOrDefault() ?? bin;
    }

    private OciRegistryClient Client(string address) => new(address, log: build.Log.Information);

    private static string ImageHost(string image) => Release.Containers.ImageReference.Parse(image).Registry;

    // The SDK treats only 'localhost' as plain HTTP; a 127.0.0.1 registry must be declared insecure.
    private static bool IsLoopbackAddress(string host) => host.StartsWith("127.", StringComparison.Ordinal) || host.StartsWith("[::1]", StringComparison.Ordinal);
}
