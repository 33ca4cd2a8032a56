namespace Release.Process.Applications;

/// <summary>
/// The modules of an application and what each needs: checked once (unique names, known dependencies, no cycle), then
/// read in the orders a pipeline needs: dependencies first (deploy order), layers of modules that can run at the same
/// time, and the modules a change reaches (the changed ones and everything that depends on them).
/// Pure: names in, names out; every order is stable, ties broken by declaration order.
/// </summary>
public sealed class ModuleGraph
{
    private readonly IReadOnlyList<ModuleNode> _modules;
    private readonly Dictionary<string, int> _index;
    private readonly List<int>[] _dependencies;
    private readonly List<int>[] _dependents;

    private ModuleGraph(IReadOnlyList<ModuleNode> modules, Dictionary<string, int> index)
    {
        _modules = modules;
        _index = index;
        _dependencies = modules.Select(m => m.DependsOn.Select(d => index[d]).Distinct().ToList()).ToArray();
        _dependents = modules.Select(_ => new List<int>()).ToArray();
        for (var m = 0; m < modules.Count; m++)
            foreach (var dependency in _dependencies[m]) _dependents[dependency].Add(m);
        Order = TopologicalOrder();
        Layers = ComputeLayers();
    }

    /// <summary>The module names in declaration order.</summary>
    public IReadOnlyList<string> Names => _modules.Select(m => m.Name).ToList();

    /// <summary>Every module after the modules it depends on; among modules free to go, declaration order.</summary>
    public IReadOnlyList<string> Order { get; }

    /// <summary>
    /// Modules grouped by depth: layer 0 needs nothing, layer n needs something from layer n-1 and nothing later.
    /// The modules of one layer can be built or deployed at the same time.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> Layers { get; }

    /// <summary>Checks the modules and builds the graph; <see cref="ModuleGraphException"/> on the first problem found.</summary>
    public static ModuleGraph Create(IEnumerable<ModuleNode> modules)
    {
        var list = modules.ToList();
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var m = 0; m < list.Count; m++)
            if (!index.TryAdd(list[m].Name, m))
                throw new ModuleGraphException(list[m].Name,
                    $"two modules are named '{list[m].Name}'. Give each module its own name, or remove the second declaration.");
        foreach (var module in list)
            foreach (var dependency in module.DependsOn)
            {
                if (string.Equals(dependency, module.Name, StringComparison.OrdinalIgnoreCase))
                    throw new ModuleGraphException(module.Name,
                        $"module '{module.Name}' depends on itself ({module.Name} -> {module.Name}). Remove '{dependency}' from its dependencies.");
                if (!index.ContainsKey(dependency))
                    throw new ModuleGraphException(module.Name,
                        $"module '{module.Name}' depends on '{dependency}', which is not a module of the application " +
                        $"(modules: {string.Join(", ", list.Select(m => m.Name))}). Declare module '{dependency}', or remove it from the dependencies of '{module.Name}'.");
            }
        ThrowOnCycle(list, index);
        return new ModuleGraph(list, index);
    }

    /// <summary>Whether the application has a module of this name (ignoring case).</summary>
    public bool Contains(string module) => _index.ContainsKey(module);

    /// <summary>The modules <paramref name="module"/> depends on directly, in declaration order.</summary>
    public IReadOnlyList<string> DependenciesOf(string module) => NamesOf(_dependencies[IndexOf(module)]);

    /// <summary>The modules that depend on <paramref name="module"/> directly, in declaration order.</summary>
    public IReadOnlyList<string> DirectDependentsOf(string module) => NamesOf(_dependents[IndexOf(module)]);

    /// <summary>Everything <paramref name="module"/> needs, directly or through other modules, in <see cref="Order"/>.</summary>
    public IReadOnlyList<string> AllDependenciesOf(string module) => Reach([IndexOf(module)], _dependencies, includeStart: false);

    /// <summary>
    /// The modules a change reaches: the changed ones and every module that depends on one of them, directly or not,
    /// in <see cref="Order"/>. These are the modules to rebuild, retest and redeploy; the others are up to date.
    /// </summary>
    public IReadOnlyList<string> Affected(IEnumerable<string> changed) => Reach(changed.Select(IndexOf), _dependents, includeStart: true);

    /// <summary>
    /// Why <paramref name="module"/> is affected by a change to <paramref name="changed"/>: the dependency path from the
    /// module down to a changed one (<c>storefront -&gt; pricing</c>), or null when the change does not reach it.
    /// </summary>
    public IReadOnlyList<string>? PathToChange(string module, IEnumerable<string> changed)
    {
        var targets = changed.Select(IndexOf).ToHashSet();
        var start = IndexOf(module);
        var previous = new Dictionary<int, int> { [start] = -1 };
        var queue = new Queue<int>([start]);
        while (queue.TryDequeue(out var current))
        {
            if (targets.Contains(current))
            {
                var path = new List<string>();
                for (var at = current; at != -1; at = previous[at]) path.Add(_modules[at].Name);
                path.Reverse();
                return path;
            }
            foreach (var next in _dependencies[current])
                if (previous.TryAdd(next, current)) queue.Enqueue(next);
        }
        return null;
    }

    private int IndexOf(string module) => _index.TryGetValue(module, out var index) ? index
        : throw new ArgumentException($"'{module}' is not a module of the application (modules: {string.Join(", ", _modules.Select(m => m.Name))}).", nameof(module));

    private List<string> NamesOf(IEnumerable<int> indexes) => indexes.Order().Select(i => _modules[i].Name).ToList();

    private List<string> Reach(IEnumerable<int> start, List<int>[] edges, bool includeStart)
    {
        var seen = new HashSet<int>();
        var queue = new Queue<int>();
        foreach (var s in start)
        {
            if (includeStart) seen.Add(s);
            queue.Enqueue(s);
        }
        while (queue.TryDequeue(out var current))
            foreach (var next in edges[current])
                if (seen.Add(next)) queue.Enqueue(next);
        var names = seen.Select(i => _modules[i].Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return Order.Where(names.Contains).ToList();
    }

    private List<string> TopologicalOrder()
    {
        var waiting = _dependencies.Select(d => d.Count).ToArray();
        var ready = new SortedSet<int>(Enumerable.Range(0, _modules.Count).Where(m => waiting[m] == 0));
        var order = new List<string>(_modules.Count);
        while (ready.Count > 0)
        {
            var next = ready.Min;
            ready.Remove(next);
            order.Add(_modules[next].Name);
            foreach (var dependent in _dependents[next])
                if (--waiting[dependent] == 0) ready.Add(dependent);
        }
        return order;
    }

    private List<IReadOnlyList<string>> ComputeLayers()
    {
        var depth = new int[_modules.Count];
        foreach (var name in Order)
        {
            var m = _index[name];
            depth[m] = _dependencies[m].Count == 0 ? 0 : _dependencies[m].Max(d => depth[d]) + 1;
        }
        return Enumerable.Range(0, _modules.Count).GroupBy(m => depth[m]).OrderBy(g => g.Key)
            .Select(g => (IReadOnlyList<string>)g.Order().Select(m => _modules[m].Name).ToList()).ToList();
    }

    /// <summary>Rejects a cycle, showing it as a path: <c>a -&gt; b -&gt; a</c>.</summary>
    private static void ThrowOnCycle(List<ModuleNode> modules, Dictionary<string, int> index)
    {
        var state = new int[modules.Count]; // 0 unvisited, 1 on the path, 2 done
        var path = new List<int>();
        // Iterative depth-first search: an application of hundreds of modules in a chain must not exhaust the stack.
        for (var root = 0; root < modules.Count; root++)
        {
            if (state[root] != 0) continue;
            var stack = new Stack<(int Module, int Next)>();
            stack.Push((root, 0));
            state[root] = 1;
            path.Add(root);
            while (stack.Count > 0)
            {
                var (module, next) = stack.Pop();
                var dependencies = modules[module].DependsOn;
                if (next < dependencies.Count)
                {
                    stack.Push((module, next + 1));
                    var dependency = index[dependencies[next]];
                    if (state[dependency] == 1)
                    {
                        var cycle = path.Skip(path.IndexOf(dependency)).Append(dependency).Select(m => modules[m].Name).ToList();
                        throw new ModuleGraphException(modules[dependency].Name,
                            $"the modules depend on each other in a cycle: {string.Join(" -> ", cycle)}. " +
                            $"Remove one of these dependencies (e.g. '{cycle[^2]}' on '{cycle[^1]}'), or merge the modules.");
                    }
                    if (state[dependency] == 0)
                    {
                        state[dependency] = 1;
                        path.Add(dependency);
                        stack.Push((dependency, 0));
                    }
                }
                else
                {
                    state[module] = 2;
                    path.RemoveAt(path.Count - 1);
                }
            }
        }
    }
}
