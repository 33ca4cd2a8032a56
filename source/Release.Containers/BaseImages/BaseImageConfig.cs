using System.Text.Json.Nodes;
using Release.Containers.Layouts;

namespace Release.Containers.BaseImages;

/// <summary>Builds the OCI image config (run settings and labels) of the host-assembled ASP.NET base image.</summary>
internal static class BaseImageConfig
{
    /// <summary>OCI annotations for the base image's manifest: what it is, for people and scanners.</summary>
    public static Dictionary<string, string> ManifestAnnotations(HostBaseImageOptions options, DotnetInstallation dotnet)
    {
        var annotations = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["org.opencontainers.image.title"] = options.Name,
            ["org.opencontainers.image.description"] =
                $"ASP.NET Core {dotnet.AspNetCoreVersion} runtime assembled offline from this machine's .NET installation and Debian libraries",
            ["org.opencontainers.image.version"] = dotnet.AspNetCoreVersion,
            ["org.opencontainers.image.created"] = options.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
        };
        foreach (var (key, value) in options.Labels)
            annotations[key] = value;
        return annotations;
    }

    public static JsonObject Create(HostBaseImageOptions options, DotnetInstallation dotnet, string diffId)
    {
        var created = options.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            // Labels are inherited by every app image built on this base, so only facts that stay true for them
            // go here (the runtime); the base's own title and version go into the manifest annotations instead.
            ["net.dot.runtime.version"] = dotnet.RuntimeVersion,
            ["net.dot.aspnetcore.version"] = dotnet.AspNetCoreVersion,
        };
        foreach (var (key, value) in options.Labels)
            labels[key] = value;

        var env = new JsonArray(
            "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            $"DOTNET_ROOT={options.ImageDotnetRoot}",
            $"ASPNETCORE_HTTP_PORTS={options.HttpPort}",
            "DOTNET_RUNNING_IN_CONTAINER=true",
            // ICU is not copied (it is ~35 MB); culture-invariant mode keeps the runtime from looking for it.
            "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=true",
            // The .NET SDK reads APP_UID from the base image to pick the user the app container runs as.
            $"APP_UID={options.AppUid}");

        var labelsNode = new JsonObject();
        foreach (var (key, value) in labels)
            labelsNode[key] = value;

        return new JsonObject
        {
            ["created"] = created,
            // The image is made of this host's binaries, so it is for this host's CPU.
            ["architecture"] = HostPlatform.Architecture,
            ["os"] = "linux",
            ["config"] = new JsonObject
            {
                ["Env"] = env,
                ["WorkingDir"] = "/app",
                ["ExposedPorts"] = new JsonObject { [$"{options.HttpPort}/tcp"] = new JsonObject() },
                ["Labels"] = labelsNode,
            },
            ["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = new JsonArray(diffId) },
            ["history"] = new JsonArray(new JsonObject
            {
                ["created"] = created,
                ["created_by"] = $"Release.Containers HostBaseImageAssembler (.NET {dotnet.RuntimeVersion}, ASP.NET Core {dotnet.AspNetCoreVersion})",
            }),
        };
    }
}
