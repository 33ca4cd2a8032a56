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
        // Arrays and List<int> only on this path: every ./build.sh start (--help included) builds the graph, and each
        // other collection over int (SortedSet, Stack of tuples, LINQ's int iterators) is JIT-compiled for the start.
        _dependencies = new List<int>[modules.Count];
        _dependents = new List<int>[modules.Count];
        for (var m = 0; m < modules.Count; m++)
        {
            _dependents[m] = [];
            _dependencies[m] = [];
            foreach (var dependency in modules[m].DependsOn)
                if (!_dependencies[m].Contains(index[dependency])) _dependencies[m].Add(index[dependency]);
        }
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
                        $"(modules: {string.Join(", ", list.Select(m => m.Name))}). Declare module '{dependency}', or remove it from the " +
                            $"dependencies of '{module.Name}'.");
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
        : throw new ArgumentException(
            $"'{module}' is not a module of the application (modules: {string.Join(", ", _modules.Select(m => m.Name))}).",
            nameof(module));

    private List<string> NamesOf(List<int> indexes)
    {
        var sorted = new List<int>(indexes);
        sorted.Sort();
        var names = new List<string>(sorted.Count);
        foreach (var i in sorted) names.Add(_modules[i].Name);
        return names;
    }

    private List<string> Reach(IEnumerable<int> start, List<int>[] edges, bool includeStart)
    {
        var seen = new bool[_modules.Count];
        var queue = new List<int>();
        foreach (var s in start)
        {
            if (includeStart) seen[s] = true;
            queue.Add(s);
        }
        for (var at = 0; at < queue.Count; at++)
            foreach (var next in edges[queue[at]])
                if (!seen[next])
                {
                    seen[next] = true;
                    queue.Add(next);
                }
        return Order.Where(name => seen[_index[name]]).ToList();
    }

    private List<string> TopologicalOrder()
    {
        var waiting = new int[_modules.Count];
        var ready = new List<int>();
        for (var m = 0; m < _modules.Count; m++)
            if ((waiting[m] = _dependencies[m].Count) == 0) ready.Add(m);
        var order = new List<string>(_modules.Count);
        while (ready.Count > 0)
        {
            // The first declared of the modules free to go (a linear scan: applications have hundreds of modules at most).
            var at = 0;
            for (var i = 1; i < ready.Count; i++)
                if (ready[i] < ready[at]) at = i;
            var next = ready[at];
            ready.RemoveAt(at);
            order.Add(_modules[next].Name);
            foreach (var dependent in _dependents[next])
                if (--waiting[dependent] == 0) ready.Add(dependent);
        }
        return order;
    }

    private List<IReadOnlyList<string>> ComputeLayers()
    {
        var depth = new int[_modules.Count];
        var deepest = 0;
        foreach (var name in Order)
        {
            var m = _index[name];
            foreach (var d in _dependencies[m]) depth[m] = Math.Max(depth[m], depth[d] + 1);
            deepest = Math.Max(deepest, depth[m]);
        }
        var layers = new List<IReadOnlyList<string>>(deepest + 1);
        for (var layer = 0; layer <= deepest && _modules.Count > 0; layer++)
        {
            var names = new List<string>();
            for (var m = 0; m < _modules.Count; m++)
                if (depth[m] == layer) names.Add(_modules[m].Name);
            layers.Add(names);
        }
        return layers;
    }

    /// <summary>Rejects a cycle, showing it as a path: <c>a -&gt; b -&gt; a</c>.</summary>
    private static void ThrowOnCycle(List<ModuleNode> modules, Dictionary<string, int> index)
    {
        var state = new int[modules.Count]; // 0 unvisited, 1 on the path, 2 done
        var path = new List<int>();
        // Iterative depth-first search: an application of hundreds of modules in a chain must not exhaust the stack.
        // The path doubles as the stack; next[m] is the dependency of m to visit next.
        var next = new int[modules.Count];
        for (var root = 0; root < modules.Count; root++)
        {
            if (state[root] != 0) continue;
            state[root] = 1;
            path.Add(root);
            while (path.Count > 0)
            {
                var module = path[^1];
                var dependencies = modules[module].DependsOn;
                if (next[module] < dependencies.Count)
                {
                    var dependency = index[dependencies[next[module]++]];
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
