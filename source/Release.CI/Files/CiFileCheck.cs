namespace Release.CI.Files;

/// <summary>Compares committed CI files with what the definition generates.</summary>
public static class CiFileCheck
{
    /// <summary>
    /// One unified diff per file that is missing or differs (committed on the <c>-</c> side, generated on the <c>+</c>
    /// side); empty when every file is current.
    /// </summary>
    public static IReadOnlyList<string> Differences(string root, IReadOnlyList<GeneratedFile> files)
    {
        var differences = new List<string>();
        foreach (var file in files)
        {
            var path = Path.Combine(root, file.RelativePath);
            var committed = File.Exists(path) ? File.ReadAllText(path) : null;
            if (committed == file.Content) continue;
            differences.Add(committed is null
                ? $"{file.RelativePath} is missing.\n" + UnifiedDiff.Create("", file.Content, "/dev/null", file.RelativePath + " (generated)")
                : UnifiedDiff.Create(committed, file.Content, file.RelativePath + " (committed)", file.RelativePath + " (generated)"));
        }
        return differences;
    }
}
