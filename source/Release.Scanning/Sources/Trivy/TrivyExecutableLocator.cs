namespace Release.Scanning.Sources.Trivy;

/// <summary>Finds the <c>trivy</c> executable on a PATH-style search list.</summary>
public static class TrivyExecutableLocator
{
    /// <summary>The file name searched for.</summary>
    public const string ExecutableName = "trivy";

    /// <summary>
    /// The full path of the first executable <c>trivy</c> file in the folders of <paramref name="searchPath"/>,
    /// or null when there is none.
    /// </summary>
    /// <param name="searchPath">A PATH value (folders separated by the platform's path separator).</param>
    public static string? Find(string? searchPath)
    {
        if (string.IsNullOrEmpty(searchPath))
        {
            return null;
        }

        foreach (var folder in searchPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, OperatingSystem.IsWindows() ? ExecutableName + ".exe" : ExecutableName);
            if (File.Exists(candidate) && IsExecutable(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static bool IsExecutable(string file) =>
        OperatingSystem.IsWindows()
        || (File.GetUnixFileMode(file) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
}
