using Release.Engine.Parameters;

namespace Release.Engine.Planning;

/// <summary>
/// Turns the invoked target names into an ordered plan: pulls in dependencies and triggered targets, orders by every
/// relation, and reports cycles as a path.
/// </summary>
internal static class ExecutionPlanner
{
    public static IReadOnlyList<ExecutableTarget> Plan(IReadOnlyList<ExecutableTarget> all, IReadOnlyList<string> invoked)
    {
        ThrowOnCycle(all);
        var roots = invoked.Select(name => Find(all, name)).ToList();

        var planned = new HashSet<ExecutableTarget>();
        var queue = new Queue<ExecutableTarget>(roots);
        while (queue.TryDequeue(out var target))
        {
            if (!planned.Add(target)) continue;
            foreach (var next in target.Dependencies.Concat(target.Triggers)) queue.Enqueue(next);
        }

        return Sort(planned);
    }

    /// <summary>The planned targets that must finish before <paramref name="target"/> starts.</summary>
    public static IEnumerable<ExecutableTarget> Predecessors(ExecutableTarget target, IReadOnlySet<ExecutableTarget> planned) =>
        target.Dependencies
            .Concat(target.RunsAfter.Where(planned.Contains))
            .Concat(target.TriggeredBy.Where(planned.Contains))
            .Distinct();

    /// <summary>Finds a target by name, ignoring case; otherwise an error listing the closest and all valid names.</summary>
    public static ExecutableTarget Find(IReadOnlyList<ExecutableTarget> all, string name)
    {
        var match = all.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
        if (match is not null) return match;
        var listed = all.Where(t => !t.Definition.IsUnlisted).Select(t => t.Name).ToList();
        var closest = NameMatching.Closest(name, all.Select(t => t.Name));
        var hint = closest.Count > 0 ? $"Did you mean {string.Join(", ", closest)}? " : "";
        throw new BuildInputException($"Unknown target '{name}'. {hint}Valid targets: {string.Join(", ", listed)}.");
    }

    private static List<ExecutableTarget> Sort(HashSet<ExecutableTarget> planned)
    {
        var successors = planned.ToDictionary(t => t, _ => new List<ExecutableTarget>());
        var remaining = new Dictionary<ExecutableTarget, int>();
        foreach (var target in planned)
        {
            var predecessors = Predecessors(target, planned).ToList();
            remaining[target] = predecessors.Count;
            foreach (var predecessor in predecessors) successors[predecessor].Add(target);
        }
        var order = new List<ExecutableTarget>();
        var ready = new SortedSet<ExecutableTarget>(
            remaining.Where(p => p.Value == 0).Select(p => p.Key),
            Comparer<ExecutableTarget>.Create((a, b) => a.Index.CompareTo(b.Index)));
        while (ready.Count > 0)
        {
            var next = ready.Min!;
            ready.Remove(next);
            order.Add(next);
            foreach (var successor in successors[next])
                if (--remaining[successor] == 0) ready.Add(successor);
        }
        return order;
    }

    /// <summary>Rejects any cycle over every ordering relation, showing it as <c>Pack -&gt; Compile -&gt; Pack</c>.</summary>
    private static void ThrowOnCycle(IReadOnlyList<ExecutableTarget> all)
    {
        var everything = all.ToHashSet();
        var state = new Dictionary<ExecutableTarget, int>();
        var path = new List<ExecutableTarget>();

        void Visit(ExecutableTarget target)
        {
            state[target] = 1;
            path.Add(target);
            foreach (var next in Predecessors(target, everything))
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    var cycle = path.Skip(path.IndexOf(next)).Append(next).Select(t => t.Name);
                    throw new BuildDefinitionException(
                        $"Dependency cycle: {string.Join(" -> ", cycle)}. Remove one of these relations (DependsOn, After/Before or Triggers).");
                }
                if (state.GetValueOrDefault(next) == 0) Visit(next);
            }
            path.RemoveAt(path.Count - 1);
            state[target] = 2;
        }

        foreach (var target in all.Where(t => state.GetValueOrDefault(t) == 0)) Visit(target);
    }
}
