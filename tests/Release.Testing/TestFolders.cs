namespace Release.Testing;

/// <summary>Copies folders for tests: a job's artifacts or an evidence bundle, or a source tree without build outputs.</summary>
public static class TestFolders
{
    /// <summary>Copies every file under <paramref name="from"/> into <paramref name="to"/>, replacing files already there.</summary>
    public static void Copy(string from, string to) => CopyFiles(from, to, _ => true, overwrite: true);

    /// <summary>Copies a source folder without its build outputs (bin/, obj/, TestResults/) into a new <paramref name="to"/>.</summary>
    public static void CopyWithoutOutputs(string from, string to) =>
        CopyFiles(from, to, relative => !relative.Split('/').Any(p => p is "bin" or "obj" or "TestResults"), overwrite: false);

    private static void CopyFiles(string from, string to, Func<string, bool> include, bool overwrite)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (!include(relative)) continue;
            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite);
        }
    }
}
