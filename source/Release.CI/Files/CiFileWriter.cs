using Release.Foundation.IO;
namespace Release.CI.Files;

/// <summary>
/// Writes generated files so that a failure leaves the old files untouched: every file first goes to a temp file next
/// to its target, and only when all are written are they moved into place.
/// </summary>
public static class CiFileWriter
{
    /// <summary>Writes <paramref name="files"/> under <paramref name="root"/>; returns the paths that changed.</summary>
    public static IReadOnlyList<string> Write(string root, IReadOnlyList<GeneratedFile> files)
    {
        var staged = new List<(string Temp, string Target, string Relative)>();
        try
        {
            foreach (var file in files)
            {
                var target = Path.GetFullPath(Path.Combine(root, file.RelativePath));
                if (File.Exists(target) && File.ReadAllText(target) == file.Content) continue;
                var temp = AtomicFile.TemporaryPathFor(target);
                File.WriteAllText(temp, file.Content);
                staged.Add((temp, target, file.RelativePath));
            }
            foreach (var (temp, target, _) in staged) File.Move(temp, target, overwrite: true);
            return staged.Select(s => s.Relative).ToList();
        }
        finally
        {
            foreach (var (temp, _, _) in staged) if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
