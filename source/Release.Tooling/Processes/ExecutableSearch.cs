namespace Release.Tooling.Processes;

/// <summary>Finds an executable file the way a shell does: a name with '/' is a path, otherwise each PATH entry is tried.</summary>
internal static class ExecutableSearch
{
    // Tools such as runc live in sbin folders that a non-login PATH may leave out.
    private static readonly System.Collections.Immutable.ImmutableArray<string> FallbackDirectories = ["/usr/local/sbin", "/usr/sbin", "/sbin"];

    public static string? Find(string fileName, string? pathVariable)
    {
        if (fileName.Contains('/'))
        {
            var full = Path.GetFullPath(fileName);
            return IsExecutableFile(full) ? full : null;
        }
        var directories = (pathVariable ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Concat(FallbackDirectories);
        foreach (var directory in directories)
        {
            var candidate = Path.Combine(directory, fileName);
            if (IsExecutableFile(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    public static string Describe(string? pathVariable) => $"PATH ({pathVariable}) or {string.Join(", ", FallbackDirectories)}";

    private static bool IsExecutableFile(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }
        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & anyExecute) != 0;
    }
}
