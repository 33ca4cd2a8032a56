namespace Release.Process.Applications.Rollout;

/// <summary>
/// What one rollout of an application does, decided before anything is deployed: which modules change (and why),
/// the waves they go in (a wave's modules may deploy at the same time; each wave after the modules it needs), whose
/// health each module waits for, and, when a module fails, which modules already replaced in this run go back.
/// Made by <see cref="RolloutPlanner.Plan"/>; pure: names in, names out.
/// </summary>
public sealed class RolloutPlan
{
    private readonly ModuleGraph _graph;
    private readonly Dictionary<string, string> _reasons;

    internal RolloutPlan(ModuleGraph graph, IReadOnlyList<string> changed, Dictionary<string, string> reasons,
        IReadOnlyList<IReadOnlyList<string>> waves, bool addressesMove)
    {
        _graph = graph;
        _reasons = reasons;
        Changed = changed;
        Waves = waves;
        AddressesMove = addressesMove;
        var set = changed.ToHashSet(StringComparer.OrdinalIgnoreCase);
        Unchanged = graph.Order.Where(m => !set.Contains(m)).ToList();
    }

    /// <summary>The modules this rollout deploys, in dependency order.</summary>
    public IReadOnlyList<string> Changed { get; }

    /// <summary>The modules left as they run, in dependency order.</summary>
    public IReadOnlyList<string> Unchanged { get; }

    /// <summary>
    /// The changed modules in waves: a module is in a later wave than every changed module it needs, directly or through
    /// unchanged modules. The modules of one wave do not need each other and may deploy at the same time.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> Waves { get; }

    /// <summary>Whether a module's address changes with each deployment (see <see cref="RolloutPlanner.Plan"/>).</summary>
    public bool AddressesMove { get; }

    /// <summary>Why <paramref name="module"/> is deployed, or why not: <c>new release 1.2.0 (runs 1.1.0)</c>, <c>unchanged</c>.</summary>
    public string ReasonFor(string module) => _reasons.TryGetValue(module, out var reason) ? reason
        : _graph.Contains(module) ? "unchanged" : throw new ArgumentException($"'{module}' is not a module of the application.", nameof(module));

    /// <summary>The modules whose health <paramref name="module"/> waits for before it starts: its direct dependencies.</summary>
    public IReadOnlyList<string> WaitsFor(string module) => _graph.DependenciesOf(module);

    /// <summary>
    /// The modules to put back after a module failed, given those already replaced in this run (in any order; the failed
    /// module itself is not among them: its deployer kept the previous instance).
    /// Where addresses stay (a cluster's services), the replaced modules in reverse dependency order: dependents go back
    /// first, while what they call still answers. Where addresses move (local deployments on free ports), a module put
    /// back answers at a new address, so the modules that call it are redeployed after it to find it: the replaced modules
    /// and every running module that depends on one of them, in dependency order.
    /// </summary>
    /// <param name="replaced">The modules replaced in this run before the failure.</param>
    /// <param name="running">The modules that ran before this rollout (those that have something to go back to).</param>
    public IReadOnlyList<string> RestoreOrder(IEnumerable<string> replaced, IEnumerable<string> running)
    {
        var replacedList = replaced.ToList();
        var before = running.ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (replacedList.Count == 0) return [];
        if (!AddressesMove)
        {
            var set = replacedList.ToHashSet(StringComparer.OrdinalIgnoreCase);
            return _graph.Order.Where(set.Contains).Reverse().ToList();
        }
        var reached = _graph.Affected(replacedList).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var replacedSet = replacedList.ToHashSet(StringComparer.OrdinalIgnoreCase);
        // A replaced module without a previous release is still listed: it is to be removed, not left at the new release.
        return _graph.Order.Where(m => reached.Contains(m) && (replacedSet.Contains(m) || before.Contains(m))).ToList();
    }
}
