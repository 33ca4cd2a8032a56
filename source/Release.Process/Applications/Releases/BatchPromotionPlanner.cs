using Release.Process.Applications.Rollout;
using Release.Process.Promotion;

namespace Release.Process.Applications.Releases;

/// <summary>A request to promote one application release to one or several environments of one chain step.</summary>
/// <param name="Set">The set to promote.</param>
/// <param name="Targets">The environments (<c>--to a,b</c>), in any order.</param>
public sealed record SetPromotionRequest(ReleaseManifest Set, IReadOnlyList<string> Targets);

/// <summary>
/// Plans the promotion of an application release (a set) as a batch: every target in one step of the chain (a declared
/// group), the step before holding the set in every one of its environments, production-like steps taking only a
/// blessed set with exactly the blessed digests, a version naming one set forever. Each environment's modules then go in
/// the application's dependency order (<see cref="RolloutPlanner"/>), changing only the modules whose pin differs from the
/// set it runs. Pure: sets and history in, a plan or every reason out.
/// </summary>
/// <param name="chain">The steps in order.</param>
/// <param name="graph">The application's modules.</param>
public sealed class BatchPromotionPlanner(SetChain chain, ModuleGraph graph)
{
    /// <summary>Plans the batch or refuses it with every reason.</summary>
    /// <param name="request">What to promote where.</param>
    /// <param name="blessed">Every blessed set of the application.</param>
    /// <param name="history">Every set deployment so far, in all environments.</param>
    /// <param name="addressesMove">Whether a deployment moves a module's address in an environment (local deployers on free
    /// ports); null for none.</param>
    /// <exception cref="PromotionRefusedException">The promotion breaks a rule; each problem names the environment or module and the fix.</exception>
    public BatchPlan Plan(SetPromotionRequest request, IReadOnlyList<BlessedSet> blessed, IReadOnlyList<SetDeployment> history,
        Func<string, bool>? addressesMove = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(blessed);
        ArgumentNullException.ThrowIfNull(history);
        var set = request.Set;
        var problems = new List<string>();
        var targets = request.Targets.Distinct(StringComparer.Ordinal).ToList();
        if (targets.Count == 0)
            problems.Add($"Promotion of {set.Title} names no environment: give one step's environments with --to (chain: {chain}).");
        foreach (var unknown in targets.Where(t => chain.StepIndexOf(t) < 0))
            problems.Add($"--to: environment '{unknown}' is not in the promotion chain ({chain}): use one of those names.");
        CheckModules(set, problems);
        if (problems.Count > 0) throw new PromotionRefusedException(problems);

        var steps = targets.Select(chain.StepIndexOf).Distinct().Order().ToList();
        if (steps.Count > 1)
            throw new PromotionRefusedException([
                $"--to {string.Join(",", targets)}: a batch takes the environments of one step of the chain, and these belong to " +
                string.Join(
                    ", ",
                    steps.Select(s => $"step '{chain.Steps[s].Name}' ({string.Join(", ", targets.Where(t => chain.StepIndexOf(t) == s))})")) +
                ". Promote one step at a time, in chain order: first --to " +
                    $"{string.Join(",", targets.Where(t => chain.StepIndexOf(t) == steps[0]))}."]);
        var stepIndex = steps[0];
        var step = chain.Steps[stepIndex];

        foreach (var other in history.Select(d => (d.Set, Where: $"deployed to {d.Environment}"))
                     .Concat(blessed.Select(b => (b.Set, Where: "blessed")))
                     .Where(u => u.Set.Application == set.Application && u.Set.Version.Equals(set.Version) && u.Set.Digest != set.Digest)
                     .DistinctBy(u => u.Set.Digest))
            problems.Add($"Overwritten version: {set.Application} {set.Version} was already {other.Where} as set {other.Set.Digest}; this set is " +
                $"{set.Digest}. " +
                         "An application version names one set forever: release a new version.");

        if (stepIndex > 0)
        {
            var previous = chain.Steps[stepIndex - 1];
            var missing = previous.Environments.Where(e => !history.Any(d => d.Environment == e && d.Set.Digest == set.Digest)).ToList();
            if (missing.Count > 0)
                problems.Add($"Promotion of {set.Title} to {string.Join(", ", targets)} before step '{previous.Name}' holds it " +
                             $"({string.Join(", ", missing)} never ran this set): promote it --to {string.Join(",", missing)} first.");
        }
        if (step.RequiresBlessing) CheckBlessed(set, step, blessed, problems);
        if (problems.Count > 0) throw new PromotionRefusedException(problems);

        var rollouts = step.Environments.Where(targets.Contains).Select(environment =>
        {
            var running = history.Where(d => d.Environment == environment).MaxBy(d => d.At)?.Set;
            var plan = RolloutPlanner.Plan(graph, Identities(set), running is null ? new Dictionary<string, string>() : Identities(running, graph),
                addressesMove?.Invoke(environment) ?? false);
            return new EnvironmentRollout(environment, running, plan);
        }).ToList();
        return new BatchPlan(step, set, rollouts);
    }

    /// <summary>The pins as <see cref="RolloutPlanner"/> compares them: module name to <see cref="ModulePin.Identity"/>.</summary>
    internal static Dictionary<string, string> Identities(ReleaseManifest set, ModuleGraph? only = null) =>
        set.Modules.Where(p => only is null || only.Contains(p.Module))
            .ToDictionary(p => p.Module, p => p.Identity, StringComparer.OrdinalIgnoreCase);

    private void CheckModules(ReleaseManifest set, List<string> problems)
    {
        foreach (var module in graph.Order.Where(m => set.PinOf(m) is null))
            problems.Add(
                $"Set {set.Title} does not pin module '{module}' of application '{set.Application}': make the release again with every module.");
        foreach (var pin in set.Modules.Where(p => !graph.Contains(p.Module)))
            problems.Add($"Set {set.Title} pins module '{pin.Module}', which application '{set.Application}' does not declare " +
                         $"(modules: {string.Join(", ", graph.Names)}): make the release again from the application's modules.");
    }

    private static void CheckBlessed(ReleaseManifest set, ChainStep step, IReadOnlyList<BlessedSet> blessed, List<string> problems)
    {
        if (blessed.Any(b => b.Set.Digest == set.Digest)) return;
        var same = blessed.FirstOrDefault(b => b.Set.Application == set.Application && b.Set.Version.Equals(set.Version));
        if (same is null)
        {
            problems.Add($"Unblessed set: step '{step.Name}' takes only blessed releases, and {set.Title} is not blessed. " +
                         "Pass the gates and bless the release first.");
            return;
        }
        // The same version was blessed as another set: name each module whose pins are not the blessed ones.
        foreach (var pin in set.Modules)
        {
            var pinned = same.Set.PinOf(pin.Module);
            if (pinned is null)
                problems.Add($"Module '{pin.Module}' is not in the blessed set {same.Set.Title}: step '{step.Name}' takes only the blessed digests.");
            else if (!pin.SameArtefactsAs(pinned))
                problems.Add($"Module '{pin.Module}': {pin.Identity} is not what the blessing recorded ({pinned.Identity}). " +
                             $"Step '{step.Name}' takes only the blessed digests: promote the blessed set {same.Set.Digest}.");
        }
        foreach (var pinned in same.Set.Modules.Where(p => set.PinOf(p.Module) is null))
            problems.Add($"Module '{pinned.Module}' of the blessed set {same.Set.Title} is missing: promote the blessed set {same.Set.Digest}.");
    }
}
