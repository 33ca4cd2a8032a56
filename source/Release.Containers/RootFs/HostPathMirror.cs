namespace Release.Containers.RootFs;

/// <summary>
/// Copies host paths into a <see cref="RootFileSystem"/> at the same absolute location, reproducing every
/// symbolic link met on the way (e.g. Debian's merged-/usr links <c>/lib -&gt; usr/lib</c>), so the dynamic
/// loader finds libraries in the image under the very names <c>ldd</c> printed on the host.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class HostPathMirror(RootFileSystem rootFs)
{
    private const int MaxLinkHops = 40;

    /// <summary>Host files actually copied (link targets resolved), in the order they were added.</summary>
    public List<string> CopiedFiles { get; } = [];

    /// <summary>Mirrors <paramref name="hostPath"/> (absolute). Returns false when it does not exist on the host.</summary>
    public bool Add(string hostPath) => Add(hostPath, 0);

    private bool Add(string hostPath, int hops)
    {
        if (!Path.IsPathRooted(hostPath))
            throw new ArgumentException($"'{hostPath}' must be an absolute host path.", nameof(hostPath));
        if (hops > MaxLinkHops)
            throw new IOException($"Too many symbolic links while resolving '{hostPath}' on the host (a link loop?).");

        var parts = RootFileSystem.Normalize(hostPath).Split('/', StringSplitOptions.RemoveEmptyEntries);
        var current = "";
        for (var i = 0; i < parts.Length; i++)
        {
            var next = current + "/" + parts[i];
            var info = new FileInfo(next);
            if (!info.Exists && !Directory.Exists(next) && info.LinkTarget is null)
                return false;
            if (info.LinkTarget is { } target)
            {
                rootFs.AddSymlink(next, target);
                var resolved = Path.GetFullPath(Path.IsPathRooted(target) ? target : Path.Combine(current.Length == 0 ? "/" : current, target));
                var rest = string.Join('/', parts.Skip(i + 1));
                return Add(rest.Length == 0 ? resolved : resolved.TrimEnd('/') + "/" + rest, hops + 1);
            }
            if (i < parts.Length - 1)
            {
                rootFs.AddDirectory(next);
            }
            else if (Directory.Exists(next))
            {
                rootFs.AddDirectory(next, File.GetUnixFileMode(next));
            }
            else
            {
                if (!rootFs.Contains(next))
                    CopiedFiles.Add(next);
                rootFs.AddHostFile(next, next, File.GetUnixFileMode(next));
            }
            current = next;
        }
        return true;
    }

    /// <summary>
    /// Copies the host directory tree <paramref name="hostDirectory"/> to <paramref name="imageDirectory"/>
    /// (links inside are kept as links). Returns the number of files copied.
    /// </summary>
    public int AddTree(string hostDirectory, string imageDirectory, Func<string, bool>? include = null)
    {
        var root = new DirectoryInfo(hostDirectory);
        if (!root.Exists)
            throw new DirectoryNotFoundException($"Host directory '{hostDirectory}' does not exist.");
        rootFs.AddDirectory(imageDirectory);
        var count = 0;
        foreach (var item in root.EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            var relative = Path.GetRelativePath(root.FullName, item.FullName).Replace('\\', '/');
            if (include is not null && !include(relative))
                continue;
            var target = imageDirectory.TrimEnd('/') + "/" + relative;
            if (item.LinkTarget is { } link)
                rootFs.AddSymlink(target, link);
            else if (item is DirectoryInfo)
                rootFs.AddDirectory(target, File.GetUnixFileMode(item.FullName));
            else
            {
                rootFs.AddHostFile(target, item.FullName, File.GetUnixFileMode(item.FullName));
                count++;
            }
        }
        return count;
    }
}
