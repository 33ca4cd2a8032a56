namespace Release.Containers.Tests.Support;

/// <summary>
/// A folder shaped like <c>dotnet publish</c> output, with the awkward cases in it: an executable with odd permission
/// bits, a private file, a private sub-folder, a dotfile, a symlink. Written afresh (new inodes, new times) on demand.
/// </summary>
internal static class FakePublishFolder
{
    public const string EntryAssembly = "App.dll";

    /// <summary>Files and their content, relative to the folder.</summary>
    public static IReadOnlyDictionary<string, string> Files { get; } = new Dictionary<string, string>
    {
        ["App.dll"] = "not really IL, but bytes all the same",
        ["App.runtimeconfig.json"] = """{"runtimeOptions":{"tfm":"net10.0"}}""",
        ["App.deps.json"] = "{}",
        ["Library.dll"] = "a dependency",
        ["run.sh"] = "#!/bin/sh\nexec dotnet App.dll\n",
        ["secret.json"] = "{\"private\":true}",
        [".hidden"] = "dotfiles go too",
        ["wwwroot/index.html"] = "<h1>hello</h1>",
        ["wwwroot/css/site.css"] = "body{}",
        ["private/notes.txt"] = "in a 0700 folder",
    };

    /// <summary>(Re)creates the folder at <paramref name="path"/>; file times are set to <paramref name="time"/>.</summary>
    public static string Write(string path, DateTime time, IReadOnlyDictionary<string, string>? overrides = null)
    {
        if (Directory.Exists(path))
            Directory.Delete(path, recursive: true);
        foreach (var (relative, content) in Files)
        {
            var full = Path.Combine(path, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, overrides?.GetValueOrDefault(relative) ?? content);
        }
        File.SetUnixFileMode(Path.Combine(path, "run.sh"), (UnixFileMode)0b111_000_000); // 0700: executable for the owner only
        File.SetUnixFileMode(Path.Combine(path, "secret.json"), (UnixFileMode)0b110_000_000); // 0600
        File.SetUnixFileMode(Path.Combine(path, "Library.dll"), (UnixFileMode)0b110_110_110); // 0666
        File.CreateSymbolicLink(Path.Combine(path, "static"), "wwwroot");
        foreach (var entry in Directory.EnumerateFileSystemEntries(path, "*", SearchOption.AllDirectories).Where(e => new FileInfo(e).LinkTarget is null))
            File.SetLastWriteTimeUtc(entry, time);
        Directory.SetLastWriteTimeUtc(path, time);
        File.SetUnixFileMode(Path.Combine(path, "private"), (UnixFileMode)0b111_000_000); // 0700, set last: times need the access
        return path;
    }
}
