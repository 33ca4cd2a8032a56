using Release.Testing;
namespace Release.Stages.Tests.Support;

/// <summary>Finds this repository's folders (the sample module) from the test's output folder.</summary>
public static class SourceTree
{
    /// <summary>The repository root (the folder holding Release.sln).</summary>
    public static string Root => RepositoryRoot.Path;

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

}
