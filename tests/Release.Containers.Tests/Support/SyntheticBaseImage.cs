using System.Text.Json;
using System.Text.Json.Nodes;
using Release.Containers.Layouts;
using Release.Containers.RootFs;
using Release.Foundation.Oci;
using Release.Oci;

namespace Release.Containers.Tests.Support;

/// <summary>
/// A small base image written as a real OCI layout: one deterministic layer and a config shaped like Microsoft's
/// ASP.NET images (Env with APP_UID, ExposedPorts, Labels, WorkingDir, and a Cmd the app image must drop).
/// Seconds to build instead of the embedded base's minutes-long tests; the end-to-end test uses the real one.
/// </summary>
internal static class SyntheticBaseImage
{
    public const string Tag = "10.0";
    public const string PathVariable = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /// <summary>Writes the image for <paramref name="architecture"/> (default: this machine's) into <paramref name="directory"/>.</summary>
    public static async Task<ManifestContent> WriteAsync(string directory, string? tag = Tag, string? architecture = null)
    {
        var layout = await OciImageLayout.CreateAsync(directory);
        var manifest = await WriteImageAsync(layout, architecture ?? HostPlatform.Architecture);
        await layout.AddManifestAsync(manifest.ToDescriptor(), tag);
        return manifest;
    }

    /// <summary>
    /// Writes one image per architecture and an index over them, tagged <paramref name="tag"/>; returns the index and
    /// the per-architecture manifests.
    /// </summary>
    public static async Task<(ManifestContent Index, IReadOnlyDictionary<string, ManifestContent> Images)> WriteIndexAsync(
        string directory, string tag, params string[] architectures)
    {
        var layout = await OciImageLayout.CreateAsync(directory);
        var images = new Dictionary<string, ManifestContent>();
        foreach (var architecture in architectures)
            images[architecture] = await WriteImageAsync(layout, architecture);
        var index = new ManifestDocument
        {
            MediaType = OciMediaTypes.ImageIndex,
            Manifests = [.. architectures.Select(a => images[a].ToDescriptor() with { Platform = new OciPlatform(a, "linux") })],
        };
        var content = new ManifestContent(index.ToJsonBytes(), OciMediaTypes.ImageIndex);
        await layout.WriteBlobAsync(content.Bytes, content.MediaType);
        await layout.AddManifestAsync(content.ToDescriptor(), tag);
        return (content, images);
    }

    private static async Task<ManifestContent> WriteImageAsync(OciImageLayout layout, string architecture)
    {
        var rootFs = new RootFileSystem();
        // The architecture goes into the layer too, so each platform's image has its own layer digest.
        rootFs.AddTextFile("etc/base-release", $"synthetic base for {architecture}\n");
        rootFs.AddDirectory("app");
        var scratch = Path.Combine(layout.Root, $"layer-{architecture}.partial");
        var layer = await DeterministicLayerWriter.WriteAsync(rootFs, scratch, new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), CancellationToken.None);
        File.Move(scratch, layout.BlobPath(OciDigest.Parse(layer.Digest)), overwrite: true);

        var config = new JsonObject
        {
            ["architecture"] = architecture,
            ["os"] = "linux",
            ["created"] = "2000-01-01T00:00:00Z",
            ["config"] = new JsonObject
            {
                ["Env"] = new JsonArray(PathVariable, "DOTNET_ROOT=/usr/share/dotnet", "ASPNETCORE_HTTP_PORTS=8080", "APP_UID=1654"),
                ["ExposedPorts"] = new JsonObject { ["8080/tcp"] = new JsonObject() },
                ["Labels"] = new JsonObject { ["net.dot.runtime.version"] = "10.0.0", ["org.opencontainers.image.version"] = "base-1" },
                ["WorkingDir"] = "/app",
                ["Cmd"] = new JsonArray("base-command"),
                ["StopSignal"] = "SIGTERM",
            },
            ["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = new JsonArray(layer.DiffId) },
            ["history"] = new JsonArray(new JsonObject { ["created"] = "2000-01-01T00:00:00Z", ["created_by"] = "synthetic base" }),
        };
        var configDescriptor = await layout.WriteBlobAsync(JsonSerializer.SerializeToUtf8Bytes(config), OciMediaTypes.ImageConfig);
        var manifest = new ManifestDocument
        {
            MediaType = OciMediaTypes.ImageManifest,
            Config = configDescriptor,
            Layers = [new OciDescriptor(OciMediaTypes.ImageLayerGzip, layer.Digest, layer.Size)],
        };
        var content = new ManifestContent(manifest.ToJsonBytes(), OciMediaTypes.ImageManifest);
        await layout.WriteBlobAsync(content.Bytes, content.MediaType);
        return content;
    }
}
