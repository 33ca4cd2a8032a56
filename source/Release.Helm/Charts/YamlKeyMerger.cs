using YamlDotNet.RepresentationModel;

namespace Release.Helm.Charts;

/// <summary>
/// Applies generated keys onto an existing YAML mapping without disturbing the team's keys: generator-owned keys are
/// replaced in place, seeded keys are added only when absent, and every other key stays where it was. New keys go at the
/// end of their parent mapping, so a team's ordering survives regeneration.
/// </summary>
internal static class YamlKeyMerger
{
    public static YamlMappingNode Merge(YamlMappingNode? existing, IEnumerable<GeneratedValue> generated)
    {
        var root = existing ?? new YamlMappingNode();
        foreach (var value in generated) Apply(root, value);
        return root;
    }

    private static void Apply(YamlMappingNode root, GeneratedValue value)
    {
        var segments = value.Path.Split('.');
        var parent = root;
        foreach (var segment in segments[..^1])
        {
            var key = new YamlScalarNode(segment);
            if (parent.Children.TryGetValue(key, out var child) && child is YamlMappingNode mapping)
            {
                parent = mapping;
                continue;
            }

            // A team value in the way of a seeded key wins; a generator-owned key claims its parent path.
            if (child is not null && value.Ownership == ValueOwnership.SeededForTeam) return;
            var created = new YamlMappingNode();
            parent.Children[key] = created;
            parent = created;
        }

        var leaf = new YamlScalarNode(segments[^1]);
        if (value.Ownership == ValueOwnership.SeededForTeam && parent.Children.ContainsKey(leaf)) return;
        parent.Children[leaf] = value.Value;
    }
}
