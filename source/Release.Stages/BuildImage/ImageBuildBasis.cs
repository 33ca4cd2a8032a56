using System.Runtime.Versioning;
using Release.Containers.BaseImages;
using Release.Oci;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.Registries;

namespace Release.Stages.BuildImage;

/// <summary>
/// What both Build stages share, a .NET project's image (<see cref="BuildImageStage"/>) and a Dockerfile's
/// (<see cref="DockerfileImageStage"/>): registry failures explained for the Build target, the run's registry and
/// base-image resolver, the commit's image tag, registry clients, and the record and summary an image leaves.
/// </summary>
internal sealed class ImageBuildBasis(IBuildImage build)
{
    /// <summary>Runs a stage, explaining a registry failure as the Build target's (what was tried and <c>--registry</c>).</summary>
    public Task RunAsync(Func<Task> stage) =>
        RegistryErrors.Explain("Build", $"building and pushing the image to {build.Registry ?? "the embedded registry"}", "--registry", stage);

    /// <summary>The tag Clone computed for the commit: unique per commit, so a rebuild of another commit never moves it.</summary>
    public static string ImageTagOf(SourceRecord source, PipelinePaths paths) =>
        source.ImageTag ?? throw new InvalidOperationException(
            $"Build: {paths.SourceRecord} has no image tag (it was written by an older Clone). Run Clone again.");

    /// <summary>
    /// The registry the image goes to (<c>--registry</c>, else the embedded one, started on first use) and the resolver
    /// and request for its base image (<c>--base-image</c>, else the one assembled from this host's .NET runtime).
    /// </summary>
    [UnsupportedOSPlatform("windows")] // as the resolver: its callers are the Linux-only Build stages
    public async Task<(string Registry, BaseImageResolver Resolver, BaseImageRequest Request)> PrepareAsync(CancellationToken ct)
    {
        var registry = build.Registry ?? await build.EmbeddedRegistry.GetAddressAsync(ct).ConfigureAwait(false);
        var log = build.Log.Information;
        var resolver = new BaseImageResolver(new HostBaseImageAssembler(build.Processes, log), Client, log);
        return (registry, resolver, new BaseImageRequest(registry, build.Paths.ServicesDirectory / "base-image") { MirrorImage = build.BaseImage });
    }

    /// <summary>The base image, resolved once per run however many modules build at the same time (<see cref="BaseImageGate"/>).</summary>
    [UnsupportedOSPlatform("windows")]
    public Task<ResolvedBaseImage> ResolveBaseAsync(BaseImageResolver resolver, BaseImageRequest request, CancellationToken ct) =>
        build.Context.GetOrAddService(() => new BaseImageGate()).ResolveAsync(resolver, request, ct);

    /// <summary>
    /// A client for <paramref name="address"/>. The credentials go to the registry the image is pushed to (and a
    /// base-image mirror on that host), when it asks: the embedded registry never does, and no other host is offered them.
    /// </summary>
    public OciRegistryClient Client(string address) => build.RegistryConnections.Source(address, build.Registry);

    /// <summary>Writes the image's record into the stage's output, commits the output and reports the image and its digest.</summary>
    public async Task RecordAsync(StageOutput output, ImageRecord record, CancellationToken ct)
    {
        await StageRecord.WriteAsync(output.Staging / build.Paths.ImageRecord.Name, record, ct).ConfigureAwait(false);
        output.Commit();
        build.ReportSummary("image", $"{record.Repository}:{record.Tag}");
        build.ReportSummary("digest", record.Digest);
    }
}
