namespace Release.Engine.Tests.Support;

/// <summary>A temporary build root with a .nuke folder, deleted afterwards.</summary>
public sealed class TempRoot : IDisposable
{
    public TempRoot()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "release-engine-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(System.IO.Path.Combine(Path, ".nuke"));
    }

    public string Path { get; }

    public string Write(string relative, string content)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
