using Release.Engine;

namespace Release.CI.Planning;

/// <summary>
/// The target graph indexed for planning: lookup by name, declaration order, memoised closures and predecessors.
/// Memoising keeps generation linear enough for definitions with hundreds of modules.
/// </summary>
internal sealed class TargetIndex
{
    private readonly Dictionary<string, TargetNode> _byName;
    private readonly Dictionary<string, int> _order;
    private readonly Dictionary<string, HashSet<string>> _closures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _triggeredBy = new(StringComparer.Ordinal);

    public TargetIndex(TargetGraph graph)
    {
        Graph = graph;
        _byName = new Dictionary<string, TargetNode>(StringComparer.OrdinalIgnoreCase);
        _order = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var target in graph.Targets)
        {
            _byName.TryAdd(target.Name, target);
            _order[target.Name] = _order.Count;
        }
        foreach (var target in graph.Targets)
            foreach (var triggered in target.Triggers)
            {
                var name = Find(triggered)?.Name ?? triggered;
                if (!_triggeredBy.TryGetValue(name, out var list)) _triggeredBy[name] = list = [];
                list.Add(target.Name);
            }
    }

    /// <summary>The graph indexed.</summary>
    public TargetGraph Graph { get; }

    /// <summary>The target of that name (ignoring case), or null.</summary>
    public TargetNode? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The position of the target in declaration order.</summary>
    public int OrderOf(string name) => _order[name];

    /// <summary>The target and everything it depends on or triggers, transitively.</summary>
    public IReadOnlySet<string> Closure(string name)
    {
        if (_closures.TryGetValue(name, out var known)) return known;
        // Iterative depth-first walk: deep module chains must not overflow the stack.
        var result = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>([name]);
        while (stack.TryPop(out var next))
        {
            if (!result.Add(next)) continue;
            if (_closures.TryGetValue(next, out var memo) && next != name) { result.UnionWith(memo); continue; }
            var node = _byName[next];
            foreach (var other in node.DependsOn.Concat(node.Triggers)) stack.Push(_byName[other].Name);
        }
        _closures[name] = result;
        return result;
    }

    /// <summary>
    /// <paramref name="names"/> with every target after those it depends on, otherwise in declaration order: the order
    /// a job's command line names them in (a build class may declare a target before what it depends on).
    /// </summary>
    public List<string> InRunOrder(IEnumerable<string> names)
    {
        // Kahn's sort over the set, the earliest declared ready target first: the same order as repeatedly taking the
        // first target none of the others is needed by, with each pair compared once instead of once per pick (cubic
        // for the 200 deploys an integration job names).
        var set = names.Distinct().ToList();
        var waitsFor = new Dictionary<string, int>(set.Count, StringComparer.Ordinal);
        var unlocks = new Dictionary<string, List<string>>(set.Count, StringComparer.Ordinal);
        foreach (var target in set)
        {
            var closure = Closure(target);
            var count = 0;
            foreach (var other in set)
            {
                if (other == target || !closure.Contains(other)) continue;
                count++;
                if (!unlocks.TryGetValue(other, out var list)) unlocks[other] = list = [];
                list.Add(target);
            }
            waitsFor[target] = count;
        }
        var ready = new PriorityQueue<string, int>();
        foreach (var target in set.Where(t => waitsFor[t] == 0)) ready.Enqueue(target, OrderOf(target));
        var result = new List<string>(set.Count);
        var done = new HashSet<string>(StringComparer.Ordinal);
        while (result.Count < set.Count)
        {
            if (!ready.TryDequeue(out var next, out _))
                // Targets that pull each other in (a trigger loop): the earliest declared goes first.
                next = set.Where(t => !done.Contains(t)).MinBy(OrderOf)!;
            if (!done.Add(next)) continue;
            result.Add(next);
            foreach (var dependent in unlocks.GetValueOrDefault(next) ?? [])
                if (--waitsFor[dependent] == 0 && !done.Contains(dependent)) ready.Enqueue(dependent, OrderOf(dependent));
        }
        return result;
    }

    /// <summary>The targets <paramref name="name"/> directly pulls in: its dependencies and the targets it triggers.</summary>
    public IEnumerable<string> Next(string name)
    {
        var node = _byName[name];
        return node.DependsOn.Concat(node.Triggers).Select(n => _byName[n].Name);
    }

    /// <summary>Targets that must finish before <paramref name="name"/> when they run: dependencies, RunsAfter, triggering targets.</summary>
    public IEnumerable<(string Target, bool Pulls)> Predecessors(string name)
    {
        var node = _byName[name];
        foreach (var dependency in node.DependsOn) yield return (_byName[dependency].Name, true);
        foreach (var after in node.RunsAfter) yield return (_byName[after].Name, false);
        foreach (var trigger in _triggeredBy.GetValueOrDefault(name) ?? []) yield return (trigger, false);
    }
}
