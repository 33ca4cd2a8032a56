using System.Text.Json;

namespace Release.Scanning.Sbom;

/// <summary>The package dependency graph of one target (framework or framework/runtime) in project.assets.json.</summary>
internal sealed class AssetsTargetGraph
{
    private readonly Dictionary<string, List<string>> _edges = new(StringComparer.OrdinalIgnoreCase);

    private AssetsTargetGraph()
    {
    }

    /// <summary>Resolved packages of this target.</summary>
    public List<(string Name, string Version)> Packages { get; } = [];

    /// <summary>Project references of this target; their package dependencies ship too.</summary>
    public List<string> ProjectNames { get; } = [];

    /// <summary>Reads a target object whose keys are "Name/Version".</summary>
    public static AssetsTargetGraph Read(JsonElement target, string place)
    {
        var graph = new AssetsTargetGraph();
        foreach (var entry in target.EnumerateObject())
        {
            var slash = entry.Name.IndexOf('/', StringComparison.Ordinal);
            if (slash <= 0 || slash == entry.Name.Length - 1)
            {
                throw new InvalidDataException(
                    $"{place}: entry '{entry.Name}' is not 'Name/Version'. Delete the obj folder and run 'dotnet restore' again.");
            }

            var name = entry.Name[..slash];
            var type = entry.Value.TryGetProperty("type", out var t) ? t.GetString() : "package";
            if (string.Equals(type, "project", StringComparison.OrdinalIgnoreCase))
            {
                graph.ProjectNames.Add(name);
            }
            else
            {
                graph.Packages.Add((name, entry.Name[(slash + 1)..]));
            }

            var children = new List<string>();
            if (entry.Value.TryGetProperty("dependencies", out var dependencies) && dependencies.ValueKind == JsonValueKind.Object)
            {
                children.AddRange(dependencies.EnumerateObject().Select(d => d.Name));
            }

            graph._edges[name] = children;
        }

        return graph;
    }

    /// <summary>The names a package or project depends on directly in this target (empty when none or unknown).</summary>
    public IReadOnlyList<string> DependenciesOf(string name) => _edges.TryGetValue(name, out var children) ? children : [];

    /// <summary>Names reachable from <paramref name="roots"/> through dependency edges (roots included).</summary>
    public HashSet<string> ReachableFrom(IEnumerable<string> roots)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<string>(roots);
        while (pending.Count > 0)
        {
            var name = pending.Pop();
            if (!seen.Add(name) || !_edges.TryGetValue(name, out var children))
            {
                continue;
            }

            foreach (var child in children)
            {
                pending.Push(child);
            }
        }

        return seen;
    }
}
