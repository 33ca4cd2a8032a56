namespace Release.Stages.Tests.Support;

/// <summary>Finds this repository's folders (the sample module) from the test's output folder.</summary>
public static class SourceTree
{
    /// <summary>The repository root (the folder holding Release.sln).</summary>
    public static string Root { get; } = Find();

    /// <summary>samples/director in this repository.</summary>
    public static string DirectorSample => Path.Combine(Root, "samples", "director");

    /// <summary>Copies a folder without build outputs (bin/, obj/).</summary>
    public static void CopyWithoutOutputs(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            var parts = relative.Split('/');
            if (parts.Any(p => p is "bin" or "obj" or "TestResults")) continue;
            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Release.sln"))) return directory.FullName;
        throw new InvalidOperationException($"No Release.sln above {AppContext.BaseDirectory}.");
    }
}
