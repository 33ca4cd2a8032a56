using Release.Engine;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;

namespace Release.Delivery.Push;

/// <summary>What the Push target does: read Build's record, copy the image by digest, verify and record the digest.</summary>
internal sealed class PushStage(IPush build)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var paths = build.Paths;
        PipelineRecords.DeleteStale(paths.PushRecord);
        var image = await PipelineRecords.ReadImageAsync(build, ct).ConfigureAwait(false);
        var source = await PipelineRecords.TryReadSourceAsync(paths, ct).ConfigureAwait(false);

        var registry = build.PushRegistry?.Trim() ?? image.Registry;
        var repository = build.PushRepository?.Trim() ?? image.Repository;
        var tag = build.PushTag?.Trim() ?? DefaultTag(image, source);
        var from = image.Image.ByDigest();
        string digest;
        var layout = new BuiltImageLayout(build, image);
        if (await layout.IsNeededAsync(ct).ConfigureAwait(false))
        {
            // With no registry named, Build's was its job's own embedded one: this job's embedded registry stands in.
            if (build.PushRegistry is null && registry == image.Registry) registry = await build.EmbeddedRegistry.GetAddressAsync(ct)
                .ConfigureAwait(false);
            digest = await layout.PushAsync(registry, repository, tag, ct).ConfigureAwait(false);
        }
        else
        {
            build.Log.Information($"Pushing {from} to {registry}/{repository}:{tag} (immutable tag)");
            var result = await build.Promoter.PromoteAsync(from, registry, repository, tag, "Push", ct).ConfigureAwait(false);
            digest = result.Digest.ToString();
            build.Log.Information($"{registry}/{repository}:{tag} is {digest} ({result.BlobsMounted} blob(s) mounted, {result.BlobsUploaded} " +
                $"uploaded, {result.BlobsSkipped} already there)");
        }
        if (digest != image.Digest)
            throw new InvalidOperationException(
                $"Push: {registry}/{repository}:{tag} resolves to {digest}, not to Build's {image.Digest}. Nothing was recorded; push again.");

        await StageRecord.WriteAsync(paths.PushRecord, new PushRecord(registry, repository, tag, digest), ct).ConfigureAwait(false);
        build.ReportSummary("image", $"{registry}/{repository}:{tag}");
        build.ReportSummary("digest", digest);
    }

    // The version-and-commit tag Clone computed is unique per commit, so making it immutable never blocks a legitimate
    // rebuild of another commit; the bare version tag would.
    private string DefaultTag(ImageRecord image, SourceRecord? source)
    {
        if (source is null) return image.Tag;
        return source.ImageTag ?? throw new BuildInputException(
            $"Push: {build.Paths.SourceRecord} has no image tag (it was written by an older Clone). Run Clone again, or pass --push-tag.");
    }
}
