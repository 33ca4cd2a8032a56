namespace Release.Distribution.Tests;

/// <summary>The repository these tests run in: the nearest folder above the test assembly that holds Release.sln.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Release.sln"))) return directory.FullName;
        throw new InvalidOperationException($"No Release.sln above {AppContext.BaseDirectory}: run the tests from the repository's build output.");
    }
}
