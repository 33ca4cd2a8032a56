namespace Release.Testing;

/// <summary>A fresh, empty folder under the system temp folder; deleted with everything in it on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    /// <summary>Creates the folder; <paramref name="prefix"/> makes leftovers recognisable.</summary>
    public TempDirectory(string prefix = "release-test")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    /// <summary>The absolute path of the folder.</summary>
    public string Path { get; }

    /// <summary>Returns the absolute path of <paramref name="relativePath"/> inside the folder.</summary>
    public string Combine(params string[] relativePath) => System.IO.Path.Combine([Path, .. relativePath]);

    /// <summary>Writes <paramref name="content"/> to a file inside the folder, creating sub-folders; returns its path.</summary>
    public string WriteFile(string relativePath, string content)
    {
        var full = Combine(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    /// <summary>Deletes the folder and its contents.</summary>
    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
