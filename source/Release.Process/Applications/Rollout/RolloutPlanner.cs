namespace Release.Process.Applications.Rollout;

/// <summary>Decides what a rollout deploys from what is wanted and what runs (release identities, e.g. image digests).</summary>
public static class RolloutPlanner
{
    /// <summary>
    /// Plans a rollout. A module changes when its wanted release differs from the one running (or nothing runs);
    /// when <paramref name="addressesMove"/>, every module that depends on a changed one changes too, since it must
    /// be told the new address (local deployments on free ports); a cluster's service names stay, so there it does not.
    /// </summary>
    /// <param name="graph">The application's modules.</param>
    /// <param name="wanted">Each module's release to run (an identity such as an image digest); every module needs one.</param>
    /// <param name="running">The release each module runs now; a module missing here runs nothing.</param>
    /// <param name="addressesMove">Whether a deployment moves the module's address.</param>
    /// <exception cref="ArgumentException">A module has no wanted release, or a release names no module; the message names it.</exception>
    public static RolloutPlan Plan(
        ModuleGraph graph,
        IReadOnlyDictionary<string, string> wanted,
        IReadOnlyDictionary<string, string> running,
        bool addressesMove)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var want = new Dictionary<string, string>(wanted, StringComparer.OrdinalIgnoreCase);
        var runs = new Dictionary<string, string>(running, StringComparer.OrdinalIgnoreCase);
        var unknown = want.Keys.Concat(runs.Keys).FirstOrDefault(m => !graph.Contains(m));
        if (unknown is not null)
            throw new ArgumentException(
                $"'{unknown}' is not a module of the application (modules: {string.Join(", ", graph.Names)}).",
                nameof(wanted));
        var missing = graph.Order.FirstOrDefault(m => !want.ContainsKey(m));
        if (missing is not null)
            throw new ArgumentException($"No release was given for module '{missing}'; every module of the application needs one.", nameof(wanted));

        var reasons = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var module in graph.Order)
        {
            if (!runs.TryGetValue(module, out var current)) reasons[module] = $"not running; deploys {want[module]}";
            else if (!string
                .Equals(current, want[module], StringComparison.Ordinal)) reasons[module] = $"new release {want[module]} (runs {current})";
        }
        if (addressesMove)
        {
            foreach (var module in graph.Affected(reasons.Keys.ToList()))
            {
                if (reasons.ContainsKey(module)) continue;
                var moved = graph.AllDependenciesOf(module).Where(reasons.ContainsKey).ToList();
                reasons[module] = $"redeployed to find {string.Join(", ", moved)} at {(moved.Count == 1 ? "its" : "their")} new address";
            }
        }

        // A module's wave: one after the latest wave among the changed modules it needs, reached through unchanged ones too.
        var level = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var module in graph.Order)
            level[module] = graph.DependenciesOf(module).Select(d => reasons.ContainsKey(d) ? level[d] + 1 : level[d]).DefaultIfEmpty(0).Max();
        var changed = graph.Order.Where(reasons.ContainsKey).ToList();
        var waves = changed.GroupBy(m => level[m]).OrderBy(g => g.Key).Select(g => (IReadOnlyList<string>)g.ToList()).ToList();
        return new RolloutPlan(graph, changed, reasons, waves, addressesMove);
    }
}
