using Release.Testing;

namespace Release.Stages.Tests.Support;

/// <summary>Finds this repository's folders (the sample module) from the test's output folder.</summary>
public static class SourceTree
{
    /// <summary>The repository root (the folder holding Release.sln).</summary>
    public static string Root => RepositoryRoot.Path;

    /// <summary>samples/director in this repository.</summary>
    public static string DirectorSample => Path.Combine(Root, "samples", "director");
}
