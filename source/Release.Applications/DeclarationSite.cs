namespace Release.Applications;

/// <summary>Where in the build definition something was declared: the file and line errors point at.</summary>
/// <param name="File">The source file, as the compiler saw it.</param>
/// <param name="Line">The 1-based line.</param>
public sealed record DeclarationSite(string File, int Line)
{
    /// <summary><c>build/Build.cs:42</c>: the file relative to <paramref name="root"/> when it lies under it.</summary>
    public string Describe(string root)
    {
        if (File.Length == 0) return "the build definition";
        var relative = Path.IsPathFullyQualified(File) ? Path.GetRelativePath(root, File).Replace('\\', '/') : File;
        return (relative.StartsWith("..", StringComparison.Ordinal) ? File : relative) + ":" + Line;
    }
}
