using Release.Process.Applications.Rollout;

namespace Release.Process.Applications.Releases;

/// <summary>What one environment of a batch does: the set it runs now (null when none) and the modules it changes, in order.</summary>
/// <param name="Environment">The environment.</param>
/// <param name="Running">The set it runs before the promotion, or null; a failure puts it back on this set.</param>
/// <param name="Rollout">The modules to deploy, in waves of dependency order, and the restore order should one fail.</param>
public sealed record EnvironmentRollout(string Environment, ReleaseManifest? Running, RolloutPlan Rollout)
{
    /// <summary>
    /// What puts the environment back on <see cref="Running"/> in full after the modules in <paramref name="replaced"/>
    /// were changed (a module failed its health, push or deployer mid-promotion, or the batch is reverted: then every
    /// module of <see cref="RolloutPlan.Changed"/>), in <see cref="RolloutPlan.RestoreOrder"/>: each module with the pin
    /// it ran before, or none when it ran nothing (it is removed). An environment is never left half on one set.
    /// </summary>
    /// <param name="replaced">The modules already changed in this environment, in any order.</param>
    public IReadOnlyList<ModuleRestore> RestorePlan(IEnumerable<string> replaced) =>
        Rollout.RestoreOrder(replaced, Running?.Modules.Select(p => p.Module) ?? [])
            .Select(module => new ModuleRestore(module, Running?.PinOf(module))).ToList();
}

/// <summary>One module to put back after a failed promotion.</summary>
/// <param name="Module">The module.</param>
/// <param name="To">The pin it ran before, or null when it ran nothing (remove it).</param>
public sealed record ModuleRestore(string Module, ModulePin? To);

/// <summary>
/// A promotion of one application release to the environments of one chain step, at the same time, under one approval
/// (<see cref="Approval"/>). Made by <see cref="BatchPromotionPlanner.Plan"/>; <see cref="BatchOutcome.Decide"/> says
/// what stays once the deployers have answered.
/// </summary>
/// <param name="Step">The chain step the batch belongs to.</param>
/// <param name="Set">The set promoted.</param>
/// <param name="Environments">Each environment's rollout, in the order named by the step.</param>
public sealed record BatchPlan(ChainStep Step, ReleaseManifest Set, IReadOnlyList<EnvironmentRollout> Environments)
{
    /// <summary>
    /// What the one approval of the batch names: the set (application, version, digest) and every environment, so an
    /// approval given for one batch cannot be read as approving another.
    /// </summary>
    public string Approval =>
        $"promote {Set.Application} {Set.Version} (set {Set.Digest}) to {string.Join(", ", Environments.Select(e => e.Environment))} (step " +
            $"{Step.Name})";

    /// <summary>True when the step lets the environments that succeeded keep the new set after another one failed.</summary>
    public bool AllowsPartialSuccess => Step.AllowsPartialSuccess;
}
