namespace Release.Engine;

/// <summary>An absolute, normalised file-system path. Combine with <c>/</c>: <c>RootDirectory / "artifacts" / "tests"</c>.</summary>
public readonly record struct AbsolutePath
{
    /// <summary>Creates a path; relative input is rejected so paths never depend on the current directory.</summary>
    public AbsolutePath(string path)
    {
        if (!System.IO.Path.IsPathFullyQualified(path))
            throw new ArgumentException($"'{path}' is not an absolute path. Combine it with a root: RootDirectory / \"{path}\".", nameof(path));
        Value = System.IO.Path.GetFullPath(path).TrimEnd(System.IO.Path.DirectorySeparatorChar) is { Length: > 0 } p ? p : "/";
    }

    /// <summary>The full path text.</summary>
    public string Value { get; }

    /// <summary>The last segment of the path.</summary>
    public string Name => System.IO.Path.GetFileName(Value);

    /// <summary>The containing directory.</summary>
    public AbsolutePath Parent => new(System.IO.Path.GetDirectoryName(Value) ?? Value);

    /// <summary>Whether a file exists at this path.</summary>
    public bool FileExists() => File.Exists(Value);

    /// <summary>Whether a directory exists at this path.</summary>
    public bool DirectoryExists() => Directory.Exists(Value);

    /// <summary>Creates the directory (and parents) if missing, and returns this path.</summary>
    public AbsolutePath CreateDirectory() { Directory.CreateDirectory(Value); return this; }

    /// <summary>This path relative to <paramref name="basePath"/>, with forward slashes.</summary>
    public string RelativeTo(AbsolutePath basePath) => System.IO.Path.GetRelativePath(basePath.Value, Value).Replace('\\', '/');

    /// <summary>Appends a relative path (or returns <paramref name="right"/> when it is absolute).</summary>
    public static AbsolutePath operator /(AbsolutePath left, string right) => new(System.IO.Path.Combine(left.Value, right));

    /// <summary>The path text.</summary>
    public static implicit operator string(AbsolutePath path) => path.Value;

    /// <inheritdoc />
    public override string ToString() => Value;
}
