using Release.Environments.Rendering;

namespace Release.Environments;

/// <summary>
/// The proof that two environments differ only where their overlays say: their configuration ConfigMaps are read
/// back as text (rendered, or committed in the environment repository) and every key whose value differs must be a
/// key one of the two overlays sets. What remains is a difference no declaration explains.
/// </summary>
public static class OverlayProof
{
    /// <summary>The keys of <paramref name="module"/> differing between <paramref name="first"/> and <paramref name="second"/> in the rendering that
    /// no overlay of either sets (empty: proven).</summary>
    public static IReadOnlyList<EnvironmentDifference> Unexplained(
        CheckedEnvironments environments,
        RenderedRepository rendered,
        string first,
        string second,
        string module) =>
        Unexplained(environments, path => rendered.Files.GetValueOrDefault(path), first, second, module);

    /// <summary>
    /// As above, reading the ConfigMaps through <paramref name="read"/> (relative path to text, null when absent). Each
    /// difference is reported against <paramref name="second"/>: expected is <paramref name="first"/>'s value.
    /// </summary>
    public static IReadOnlyList<EnvironmentDifference> Unexplained(
        CheckedEnvironments environments,
        Func<string, string?> read,
        string first,
        string second,
        string module)
    {
        var declared = environments.OverlayKeysOf(first, module).Union(environments.OverlayKeysOf(second, module)).ToHashSet(StringComparer.Ordinal);
        var a = Data(read, first, module);
        var b = Data(read, second, module);
        if (a is null || b is null) return [];
        return [.. a.Keys.Union(b.Keys).Order(StringComparer.Ordinal)
            .Where(key => a.GetValueOrDefault(key) != b.GetValueOrDefault(key) && !declared.Contains(key))
            .Select(key => new EnvironmentDifference(
                second,
                PathOf(second, module),
                $"data.{key}",
                a.GetValueOrDefault(key) ?? "(absent)",
                b.GetValueOrDefault(key) ?? "(absent)"))];
    }

    /// <summary>The keys of <paramref name="module"/> whose rendered values differ between the two environments.</summary>
    public static IReadOnlyList<string> DifferingKeys(RenderedRepository rendered, string first, string second, string module)
    {
        var a = Data(path => rendered.Files.GetValueOrDefault(path), first, module)!;
        var b = Data(path => rendered.Files.GetValueOrDefault(path), second, module)!;
        return [.. a.Keys.Union(b.Keys).Order(StringComparer.Ordinal).Where(key => a.GetValueOrDefault(key) != b.GetValueOrDefault(key))];
    }

    /// <summary>Where an environment's configuration ConfigMap of a module lives in the repository.</summary>
    public static string PathOf(string environment, string module) => $"{RenderedRepository.FolderOf(environment)}/config/{module}.yaml";

    private static IReadOnlyDictionary<string, string>? Data(Func<string, string?> read, string environment, string module) =>
        read(PathOf(environment, module)) is { } text ? ModuleConfigMap.DataOf(text) : null;
}
