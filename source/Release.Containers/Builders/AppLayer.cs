using Release.Containers.RootFs;

namespace Release.Containers.Builders;

/// <summary>
/// The app layer's content: every file, folder and link of a publish folder under <c>/app/</c>, with nothing taken
/// from the host but names, bytes, link targets and whether a file is executable. Owners are 0:0 and modes are
/// normalized (0755 for folders and executables, 0644 for the rest), so a checkout with another umask, user or
/// file system gives the same layer.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal static class AppLayer
{
    /// <summary>Where the app lives in the image; also its working folder.</summary>
    public const string ImageDirectory = "app";

    private const UnixFileMode Executable = (UnixFileMode)0b111_101_101; // 0755
    private const UnixFileMode Regular = (UnixFileMode)0b110_100_100; // 0644
    private const UnixFileMode AnyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    /// <summary>Reads the tree of <paramref name="publishDirectory"/>; file bytes are read later, when the layer is written.</summary>
    public static RootFileSystem FromPublishDirectory(string publishDirectory, out int fileCount)
    {
        var rootFs = new RootFileSystem();
        rootFs.AddDirectory(ImageDirectory, Executable);
        fileCount = 0;
        var pending = new Stack<(DirectoryInfo Host, string Image)>();
        pending.Push((new DirectoryInfo(publishDirectory), ImageDirectory));
        // Walked by hand rather than with RecurseSubdirectories, so a link to a folder is stored as a link and never followed.
        var options = new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false };
        while (pending.Count > 0)
        {
            var (host, image) = pending.Pop();
            foreach (var item in host.EnumerateFileSystemInfos("*", options))
            {
                var target = $"{image}/{item.Name}";
                if (item.LinkTarget is { } link)
                {
                    rootFs.AddSymlink(target, link);
                }
                else if (item is DirectoryInfo directory)
                {
                    rootFs.AddDirectory(target, Executable);
                    pending.Push((directory, target));
                }
                else
                {
                    var mode = (File.GetUnixFileMode(item.FullName) & AnyExecute) != 0 ? Executable : Regular;
                    rootFs.AddHostFile(target, item.FullName, mode);
                    fileCount++;
                }
            }
        }
        return rootFs;
    }
}
