using Release.Containers.Layouts;
using Release.Foundation.IO;
using Release.Containers.RootFs;
using Release.Foundation.Oci;
using Release.Oci;

namespace Release.Containers.Builders;

/// <summary>
/// Builds an app image reproducibly: the <c>dotnet publish</c> output as one layer on a base image read from an OCI
/// image layout, written as a new OCI image layout. Unlike the SDK's <c>PublishContainer</c>, nothing depends on the
/// clock, the process or the host (fixed timestamp, sorted entries, numeric owners, normalized modes, fixed JSON
/// order), so building one commit twice gives the same digest and an immutable tag can be pushed again.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class AppImageBuilder(Action<string> log)
{
    /// <summary>
    /// Builds the image and writes it to <see cref="AppImageSettings.DestinationLayoutDirectory"/> under
    /// <see cref="AppImageSettings.Tag"/>. The layout is written in a staging folder and moved into place at the end,
    /// so a failed or cancelled build leaves the destination as it was. Base blobs are hard-linked where possible.
    /// </summary>
    /// <exception cref="AppImageInputException">The publish folder, entry assembly or base layout is missing or wrong.</exception>
    public async Task<AppImageResult> BuildAsync(AppImageSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var (publish, entryAssembly, destination) = Validate(settings);
        var baseImage = await AppImageBase.OpenAsync(settings.BaseLayoutDirectory, settings.BaseLayoutTag, cancellationToken).ConfigureAwait(false);
        var baseDigest = baseImage.Manifest.Digest.ToString();
        var rootFs = AppLayer.FromPublishDirectory(publish, out var fileCount);

        using var staging = StagedDirectory.Begin(destination);
        var layout = await OciImageLayout.CreateAsync(staging.StagingPath, cancellationToken).ConfigureAwait(false);
        var scratch = Path.Combine(staging.StagingPath, "layer.tar.gz.partial");
        var layer = await DeterministicLayerWriter.WriteAsync(rootFs, scratch, settings.Timestamp, cancellationToken).ConfigureAwait(false);
        File.Move(scratch, layout.BlobPath(OciDigest.Parse(layer.Digest)), overwrite: true);

        var (linked, copied) = await ShareBaseLayersAsync(baseImage, layout, cancellationToken).ConfigureAwait(false);
        var configBytes = AppImageConfig.Create(baseImage.Config, settings.Metadata.ToLabels(), settings.BaseImageName, baseDigest,
            entryAssembly, settings.Timestamp, layer.DiffId);
        var config = await layout.WriteBlobAsync(configBytes, OciMediaTypes.ImageConfig, cancellationToken).ConfigureAwait(false);
        var manifestDocument = new ManifestDocument
        {
            MediaType = OciMediaTypes.ImageManifest,
            Config = config,
            Layers = [.. baseImage.Manifest.Document.Layers!
                .Select(OciLayer), new OciDescriptor(OciMediaTypes.ImageLayerGzip, layer.Digest, layer.Size)],
            Annotations = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                [AppImageConfig.BaseDigestLabel] = baseDigest,
                [AppImageConfig.BaseNameLabel] = settings.BaseImageName,
            },
        };
        var manifest = await layout.WriteBlobAsync(manifestDocument.ToJsonBytes(), OciMediaTypes.ImageManifest, cancellationToken)
            .ConfigureAwait(false);
        // The platform goes only into index.json (not into the manifest's bytes): it helps tools choose, changes no digest.
        var platform = new OciPlatform(
            (string?)baseImage.Config["architecture"] ?? HostPlatform.Architecture, (string?)baseImage.Config["os"] ?? HostPlatform.Os);
        await layout.AddManifestAsync(manifest with { Platform = platform }, settings.Tag, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        staging.Commit();

        log($"App image {settings.Tag}: {fileCount} files of {publish} under /app/ on {settings.BaseImageName} ({baseDigest}); " +
            $"layer {layer.Digest} ({layer.Size / 1024} KiB), manifest {manifest.Digest}; base layers {linked} linked, {copied} copied; wrote " +
                $"{destination}");
        return new AppImageResult(destination, settings.Tag, manifest.Digest, manifest, layer.Digest, layer.Size, baseDigest);
    }

    private static (string Publish, string EntryAssembly, string Destination) Validate(AppImageSettings settings)
    {
        var publish = Path.GetFullPath(settings.PublishDirectory);
        if (!Directory.Exists(publish))
        {
            throw new AppImageInputException(publish,
                $"The publish folder {publish} does not exist. Run 'dotnet publish' for the app first (e.g. dotnet publish -c Release -o " +
                    $"{publish}) " +
                    "and pass its output folder as PublishDirectory.");
        }

        var entry = settings.EntryAssembly.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? settings.EntryAssembly
            : settings.EntryAssembly + ".dll";
        if (entry.Contains('/') || entry.Contains('\\') || !File.Exists(Path.Combine(publish, entry)))
        {
            var offered = Directory.EnumerateFiles(publish, "*.dll").Select(Path.GetFileName).Where(IsLikelyEntry).Order(StringComparer.Ordinal)
                .Take(10)
                .ToList();
            throw new AppImageInputException(Path.Combine(publish, entry),
                $"The entry assembly {entry} is not in the publish folder {publish}. Set EntryAssembly to the app's main assembly file name " +
                $"(the one next to its .runtimeconfig.json{(offered.Count == 0 ? "; the folder holds none" : ": " + string.Join(", ", offered))}).");
        }

        var destination = Path.GetFullPath(settings.DestinationLayoutDirectory);
        if ((destination + "/").StartsWith(publish.TrimEnd('/') + "/", StringComparison.Ordinal))
        {
            throw new AppImageInputException(destination,
                $"The destination layout {destination} is inside the publish folder {publish}, so the next build would pack the image into itself. " +
                "Write the layout elsewhere.");
        }

        try
        {
            OciNames.ValidateTag(settings.Tag);
        }
        catch (ArgumentException e)
        {
            throw new AppImageInputException(settings.Tag, $"The tag '{settings.Tag}' cannot name an image: {e.Message}", e);
        }
        return (publish, entry, destination);

        // An app's main assembly has a runtimeconfig.json beside it; libraries don't.
        bool IsLikelyEntry(string? dll) => File.Exists(Path.Combine(publish, Path.ChangeExtension(dll!, ".runtimeconfig.json")));
    }

    private static async Task<(int Linked, int Copied)> ShareBaseLayersAsync(AppImageBase baseImage, OciImageLayout layout, CancellationToken ct)
    {
        var linked = 0;
        var copied = 0;
        foreach (var layer in baseImage.Manifest.Document.Layers!)
        {
            var digest = layer.ParsedDigest;
            if (await BlobLinker.LinkOrCopyAsync(baseImage.Layout.BlobPath(digest), layout.BlobPath(digest), ct).ConfigureAwait(false))
                linked++;
            else
                copied++;
        }
        return (linked, copied);
    }

    // A Docker schema 2 base has Docker layer media types; the bytes are the same gzip tar, so the OCI manifest names
    // them with the OCI type (as skopeo does when converting). Other types (zstd, uncompressed, foreign) stay as they are.
    private static OciDescriptor OciLayer(OciDescriptor layer) => layer.MediaType == OciMediaTypes.DockerLayerGzip
        ? new OciDescriptor(OciMediaTypes.ImageLayerGzip, layer.Digest, layer.Size) { Annotations = layer.Annotations }
        : layer;
}
