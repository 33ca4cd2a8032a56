namespace Release.Containers.Tests.Support;

/// <summary>A private copy of samples/director (sources only), so publishing it never touches the repository's bin/obj.</summary>
internal static class DirectorSample
{
    public static string CopyTo(string destination)
    {
        var source = FindSample();
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            var parts = relative.Split(Path.DirectorySeparatorChar);
            if (parts.Contains("bin") || parts.Contains("obj"))
                continue;
            var target = Path.Combine(destination, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return Path.Combine(destination, "src", "Director", "Director.csproj");
    }

    private static string FindSample()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "samples", "director");
            if (Directory.Exists(candidate))
                return candidate;
        }
        throw new DirectoryNotFoundException($"samples/director not found above {TestContext.CurrentContext.TestDirectory}.");
    }
}
