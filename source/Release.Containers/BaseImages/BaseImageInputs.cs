using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Release.Containers.BaseImages;

/// <summary>
/// A cheap snapshot of everything the embedded base image's bytes depend on, so an unchanged host need not assemble
/// it again: the options, this library's own code, the .NET installation (versions, root, and size/time/mode of
/// every file copied), and the host files that decide the Debian part (dpkg's status database, the loader cache,
/// the mirrored files, each copied library). Conservative on purpose: any doubt means assembling anew, which is
/// merely slower, while a wrong reuse would ship stale libraries.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal static class BaseImageInputs
{
    // dpkg rewrites its status file on every install, upgrade or removal; ldconfig rewrites the loader cache that
    // ldd consults. Together they change whenever the libraries the image copies could have changed.
    private static readonly string[] HostStateFiles = ["/var/lib/dpkg/status", "/etc/ld.so.cache"];

    /// <summary>
    /// The snapshot as JSON (compared with <see cref="JsonNode.DeepEquals"/>). <paramref name="libraries"/> are the
    /// host libraries the image copies; pass none for a snapshot of everything else.
    /// </summary>
    public static JsonObject Capture(
        HostBaseImageOptions options, DotnetInstallation dotnet, IEnumerable<string> mirroredFiles, IEnumerable<string> libraries)
    {
        var labels = new JsonObject();
        foreach (var (key, value) in options.Labels.OrderBy(l => l.Key, StringComparer.Ordinal))
            labels[key] = value;
        var host = new JsonObject();
        foreach (var path in HostStateFiles.Concat(mirroredFiles).Concat(libraries).Distinct(StringComparer.Ordinal))
            host[path] = FileState(path);

        return new JsonObject
        {
            // A new build of this library may assemble differently; its module version id changes with its code
            // (deterministic builds keep it for the same code).
            ["assembler"] = typeof(BaseImageInputs).Assembly.ManifestModule.ModuleVersionId.ToString(),
            ["options"] = new JsonObject
            {
                ["layoutDirectory"] = Path.GetFullPath(options.LayoutDirectory),
                ["name"] = options.Name,
                ["tag"] = options.Tag,
                ["dotnetMajorVersion"] = options.DotnetMajorVersion,
                ["dotnetRoot"] = options.DotnetRoot,
                ["imageDotnetRoot"] = options.ImageDotnetRoot,
                ["appUser"] = options.AppUser,
                ["appUid"] = options.AppUid,
                ["httpPort"] = options.HttpPort,
                ["timestamp"] = options.Timestamp.ToString("O", CultureInfo.InvariantCulture),
                ["labels"] = labels,
            },
            ["dotnet"] = new JsonObject
            {
                ["root"] = dotnet.Root,
                ["hostFxrVersion"] = dotnet.HostFxrVersion,
                ["runtimeVersion"] = dotnet.RuntimeVersion,
                ["aspNetCoreVersion"] = dotnet.AspNetCoreVersion,
                ["files"] = DotnetFilesDigest(dotnet),
            },
            // ldd honours it, so it can change which library files are found.
            ["ldLibraryPath"] = Environment.GetEnvironmentVariable("LD_LIBRARY_PATH") ?? "",
            ["host"] = host,
        };
    }

    /// <summary>sha256 over path, size, time and mode of every entry the image copies from the installation (about 500 stats).</summary>
    private static string DotnetFilesDigest(DotnetInstallation dotnet)
    {
        var lines = new List<string>();
        foreach (var file in new[] { "dotnet", "LICENSE.txt", "ThirdPartyNotices.txt" })
            lines.Add($"{file} {FileState(Path.Combine(dotnet.Root, file))}");
        foreach (var directory in new[] { dotnet.HostFxrDirectory, dotnet.RuntimeDirectory, dotnet.AspNetCoreDirectory })
        {
            lines.Add($"{directory} {FileState(directory)}");
            if (!Directory.Exists(directory))
                continue;
            foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos(
                "*",
                new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
                lines.Add($"{entry.FullName} {State(entry)}");
        }
        lines.Sort(StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines))));
    }

    /// <summary>What a host path is now: link target, size, modification time and mode of what it resolves to, or "missing".</summary>
    private static string FileState(string path)
    {
        var link = new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName;
        var target = link ?? path;
        FileSystemInfo info = Directory.Exists(target) ? new DirectoryInfo(target) : new FileInfo(target);
        return info.Exists ? $"{(link is null ? "" : "-> " + link + " ")}{State(info)}" : "missing";
    }

    private static string State(FileSystemInfo info) => info switch
    {
        _ when info.LinkTarget is { } target => $"link {target}",
        FileInfo file => $"{file.Length} {file.LastWriteTimeUtc.Ticks} {Convert.ToString((int)file.UnixFileMode, 8)}",
        _ => $"dir {info.LastWriteTimeUtc.Ticks} {Convert.ToString((int)info.UnixFileMode, 8)}",
    };
}
