namespace Release.Testing;

/// <summary>
/// The repository these tests run in: the nearest folder above the test assembly that holds Release.sln. The one place
/// tests find it (the sample module, the committed CI files, global.json, the build's sources).
/// </summary>
public static class RepositoryRoot
{
    /// <summary>The repository's root folder.</summary>
    public static string Path { get; } = Find();

    /// <summary>A path below the root, e.g. <c>build/release-roster</c>.</summary>
    public static string File(string relative) => System.IO.Path.Combine(Path, relative);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (System.IO.File.Exists(System.IO.Path.Combine(directory.FullName, "Release.sln"))) return directory.FullName;
        throw new InvalidOperationException($"No Release.sln above {AppContext.BaseDirectory}: run the tests from the repository's build output.");
    }
}
