using Release.Foundation.IO;

namespace Release.Environments.Rendering;

/// <summary>
/// Compares and writes an environment repository's working tree against a <see cref="RenderedRepository"/>. Files
/// under <c>environments/ENV/</c> belong to the source (except the deployer's chart pins); other folders are left alone.
/// </summary>
public static class EnvironmentRepository
{
    /// <summary>Every difference, by path: missing, changed (per ConfigMap key or first differing line) and hand-made files.</summary>
    public static IReadOnlyList<EnvironmentDifference> Differences(RenderedRepository rendered, string root)
    {
        var differences = new List<EnvironmentDifference>();
        foreach (var (path, expected) in rendered.Files)
        {
            var environment = rendered.EnvironmentOf(path);
            var full = Full(root, path);
            if (!File.Exists(full))
            {
                differences.Add(new EnvironmentDifference(environment, path, null, "(rendered file)", null));
                continue;
            }
            if (RenderedRepository.IsDeployerOwned(path)) continue;
            var found = File.ReadAllText(full);
            if (found != expected) differences.AddRange(Compare(environment, path, expected, found));
        }
        foreach (var (environment, path) in StaleFiles(rendered, root))
            differences.Add(new EnvironmentDifference(environment, path, null, null, "(file)"));
        return [.. differences.OrderBy(d => d.Path, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Writes what differs (atomically, file by file) and removes hand-made files from the environments' folders; a
    /// deployer's existing chart pin is kept. Returns the paths changed. The caller renders first, so bad configuration
    /// fails before this runs and nothing is half-written.
    /// </summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(
        RenderedRepository rendered,
        string root,
        CancellationToken cancellationToken = default)
    {
        var changed = new List<string>();
        foreach (var (path, content) in rendered.Files)
        {
            var full = Full(root, path);
            if (File.Exists(full) && (RenderedRepository.IsDeployerOwned(path) || File.ReadAllText(full) == content)) continue;
            await AtomicFile.WriteTextAsync(full, content, cancellationToken).ConfigureAwait(false);
            changed.Add(path);
        }
        foreach (var (_, path) in StaleFiles(rendered, root))
        {
            File.Delete(Full(root, path));
            changed.Add(path);
        }
        return changed;
    }

    private static string Full(string root, string path) => Path.Combine(root, path.Replace('/', Path.DirectorySeparatorChar));

    private static IEnumerable<(string Environment, string Path)> StaleFiles(RenderedRepository rendered, string root)
    {
        foreach (var environment in rendered.Environments)
        {
            var folder = Full(root, RenderedRepository.FolderOf(environment));
            if (!Directory.Exists(folder)) continue;
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var path = Path.GetRelativePath(root, file).Replace('\\', '/');
                if (!rendered.Files.ContainsKey(path) && !RenderedRepository.IsDeployerOwned(path)) yield return (environment, path);
            }
        }
    }

    // A configuration ConfigMap is compared key by key (the finding names the key); any other file by its first differing line.
    private static IEnumerable<EnvironmentDifference> Compare(string environment, string path, string expected, string found)
    {
        if (path.Contains("/config/", StringComparison.Ordinal) && ModuleConfigMap.DataOf(found) is { } foundData
            && ModuleConfigMap.DataOf(expected) is { } expectedData)
        {
            var keyed = expectedData.Keys.Union(foundData.Keys).Order(StringComparer.Ordinal)
                .Where(key => expectedData.GetValueOrDefault(key) != foundData.GetValueOrDefault(key))
                .Select(key => new EnvironmentDifference(environment, path, $"data.{key}", expectedData.GetValueOrDefault(key) ?? "(absent)",
                    foundData.GetValueOrDefault(key) is { } value ? SecretLiteralRule.Shown(key, value) : "(absent)"))
                .ToList();
            if (keyed.Count > 0) return keyed;
        }
        var expectedLines = expected.Split('\n');
        var foundLines = found.Split('\n');
        var line = Enumerable.Range(0, Math.Max(expectedLines.Length, foundLines.Length))
            .First(i => i >= expectedLines.Length || i >= foundLines.Length || expectedLines[i] != foundLines[i]);
        return [new EnvironmentDifference(environment, path, $"line {line + 1}",
            line < expectedLines.Length ? expectedLines[line].Trim() : "(end of file)", line < foundLines.Length
                ? SecretLiteralRule.Shown(foundLines[line].Split(':')[0], foundLines[line].Trim())
                : "(end of file)")];
    }
}
