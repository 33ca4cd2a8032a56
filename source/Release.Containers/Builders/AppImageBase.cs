using System.Text.Json;
using System.Text.Json.Nodes;
using Release.Containers.Layouts;
using Release.Oci;

namespace Release.Containers.Builders;

/// <summary>
/// The base image as <see cref="AppImageBuilder"/> needs it: the layout it lives in, its single-platform manifest
/// (this machine's, when the tag names an index) and its config, with every layer checked to be in the layout.
/// </summary>
/// <param name="Layout">The base's OCI image layout.</param>
/// <param name="Manifest">The image manifest built on (never an index).</param>
/// <param name="Config">The parsed image config.</param>
internal sealed record AppImageBase(OciImageLayout Layout, ManifestContent Manifest, JsonObject Config)
{
    /// <summary>Opens the base; every problem becomes an <see cref="AppImageInputException"/> naming the place and the fix.</summary>
    public static async Task<AppImageBase> OpenAsync(string directory, string? tag, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(directory);
        var name = tag is null ? $"the only image in {root}" : $"'{tag}' in {root}";
        if (!Directory.Exists(root))
        {
            throw new AppImageInputException(root,
                $"The base image layout {root} does not exist. Resolve the base image first (BaseImageResolver.ResolveBaseImageAsync " +
                "writes its layout) or point BaseLayoutDirectory at an OCI image layout folder (oci-layout, index.json, blobs/).");
        }

        OciImageLayout layout;
        OciDescriptor entry;
        try
        {
            layout = await OciImageLayout.OpenAsync(root, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException e)
        {
            throw Incomplete(root, e.Message, e);
        }
        try
        {
            entry = layout.FindManifest(tag);
        }
        catch (InvalidOperationException e)
        {
            throw new AppImageInputException(tag ?? root,
                $"The base image {name} is not there: {e.Message.TrimEnd('.')} (BaseLayoutTag), or write the base layout again.", e);
        }

        var manifest = await ReadManifestAsync(layout, entry, root, cancellationToken).ConfigureAwait(false);
        if (manifest.IsIndex)
        {
            var children = manifest.Document.Manifests ?? [];
            var child = HostPlatform.Select(children) ?? throw new AppImageInputException(tag ?? root,
                $"The base image {name} is an image index without a {HostPlatform.Name} image; it offers: {HostPlatform.Describe(children)}. " +
                $"Use a base image built for {HostPlatform.Name}, the platform of this machine.");
            manifest = await ReadManifestAsync(layout, child, root, cancellationToken).ConfigureAwait(false);
        }
        if (manifest.IsIndex || manifest.Document.Config is null || manifest.Document.Layers is null)
        {
            throw new AppImageInputException(tag ?? root,
                $"The base image {name} ({manifest.Digest}, {manifest.MediaType}) is not an image manifest with a config and layers. " +
                "Point BaseLayoutTag at a container image.");
        }

        var config = await ReadConfigAsync(layout, manifest, root, cancellationToken).ConfigureAwait(false);
        CheckLayers(layout, manifest, config, root);
        return new AppImageBase(layout, manifest, config);
    }

    private static async Task<ManifestContent> ReadManifestAsync(OciImageLayout layout, OciDescriptor descriptor, string root, CancellationToken ct)
    {
        try
        {
            return await layout.ReadManifestAsync(descriptor, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException)
        {
            throw Incomplete(root, e.Message, e);
        }
    }

    private static async Task<JsonObject> ReadConfigAsync(OciImageLayout layout, ManifestContent manifest, string root, CancellationToken ct)
    {
        try
        {
            var bytes = await layout.ReadBlobAsync(manifest.Document.Config!.ParsedDigest, ct).ConfigureAwait(false);
            return JsonNode.Parse(bytes) as JsonObject
                ?? throw Incomplete(root, $"the config {manifest.Document.Config.Digest} is not a JSON object");
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or JsonException)
        {
            throw Incomplete(root, e.Message, e);
        }
    }

    private static void CheckLayers(OciImageLayout layout, ManifestContent manifest, JsonObject config, string root)
    {
        foreach (var layer in manifest.Document.Layers!)
        {
            var path = layout.BlobPath(layer.ParsedDigest);
            var file = new FileInfo(path);
            if (!file.Exists)
                throw Incomplete(root, $"layer {layer.Digest} of manifest {manifest.Digest} is missing (expected {path})");
            if (file.Length != layer.Size)
                throw Incomplete(root, $"layer {layer.Digest} is {file.Length} bytes at {path} but the manifest says {layer.Size}");
        }
        var diffIds = (config["rootfs"] as JsonObject)?["diff_ids"] as JsonArray;
        if (diffIds?.Count != manifest.Document.Layers!.Count)
        {
            throw Incomplete(root,
                $"the config of manifest {manifest.Digest} lists {diffIds?.Count ?? 0} diff_ids for {manifest.Document.Layers!.Count} layers");
        }
    }

    private static AppImageInputException Incomplete(string root, string problem, Exception? inner = null) =>
        new(root, $"The base image layout {root} is incomplete or damaged: {problem.TrimEnd('.')}. " +
                  "Write it again (resolve or pull the base image anew) before building on it.", inner);
}
