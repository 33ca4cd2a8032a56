using Release.Environments.Rendering;

namespace Release.Environments;

/// <summary>
/// The proof that two environments differ only where their overlays say: their rendered configuration ConfigMaps are
/// read back (from the rendered text, not from the model that produced it) and every key whose value differs must be a
/// key one of the two overlays sets. What remains is a difference no declaration explains.
/// </summary>
public static class OverlayProof
{
    /// <summary>The keys of <paramref name="module"/> differing between <paramref name="first"/> and <paramref name="second"/> that no overlay of either sets (empty: proven).</summary>
    public static IReadOnlyList<EnvironmentDifference> Unexplained(CheckedEnvironments environments, RenderedRepository rendered, string first, string second, string module)
    {
        var declared = environments.OverlayKeysOf(first, module).Union(environments.OverlayKeysOf(second, module)).ToHashSet(StringComparer.Ordinal);
        var path = $"{RenderedRepository.FolderOf(first)}/config/{module}.yaml";
        var a = ModuleConfigMap.DataOf(rendered.Files[path])!;
        var b = ModuleConfigMap.DataOf(rendered.Files[$"{RenderedRepository.FolderOf(second)}/config/{module}.yaml"])!;
        return [.. a.Keys.Union(b.Keys).Order(StringComparer.Ordinal)
            .Where(key => a.GetValueOrDefault(key) != b.GetValueOrDefault(key) && !declared.Contains(key))
            .Select(key => new EnvironmentDifference(first, path, $"data.{key}", b.GetValueOrDefault(key) ?? "(absent)", a.GetValueOrDefault(key) ?? "(absent)"))];
    }

    /// <summary>The keys of <paramref name="module"/> whose rendered values differ between the two environments.</summary>
    public static IReadOnlyList<string> DifferingKeys(RenderedRepository rendered, string first, string second, string module)
    {
        var a = ModuleConfigMap.DataOf(rendered.Files[$"{RenderedRepository.FolderOf(first)}/config/{module}.yaml"])!;
        var b = ModuleConfigMap.DataOf(rendered.Files[$"{RenderedRepository.FolderOf(second)}/config/{module}.yaml"])!;
        return [.. a.Keys.Union(b.Keys).Order(StringComparer.Ordinal).Where(key => a.GetValueOrDefault(key) != b.GetValueOrDefault(key))];
    }
}
