using Release.Process.Applications.Rollout;
using Release.Process.Promotion;
using Release.SemVer;

namespace Release.Process.Applications.Releases;

/// <summary>A planned rollback of an environment from one application release to an earlier one.</summary>
/// <param name="Environment">The environment.</param>
/// <param name="From">The set it runs now.</param>
/// <param name="To">The set it goes back to.</param>
/// <param name="Rollout">The modules whose pins differ between the two, planned as a rollout to <paramref name="To"/>.</param>
/// <param name="Waves">The order the modules go back in: see <see cref="SetRollbackPlanner.Plan"/>.</param>
public sealed record SetRollbackPlan(
    string Environment,
    ReleaseManifest From,
    ReleaseManifest To,
    RolloutPlan Rollout,
    IReadOnlyList<IReadOnlyList<string>> Waves)
{
    /// <summary>The command that performs this rollback.</summary>
    public string Command => RollbackPlanner.CommandFor(Environment, To.Version);
}

/// <summary>
/// Plans the rollback of an application release in one environment: to the set that ran there before the current one
/// first arrived (blessed, where the step requires blessing), or to a named earlier version; only the modules whose pins
/// differ go back. Which set to go back to is the module rule (<see cref="RollbackPlanner"/>) applied to sets, a set
/// being identified by its digest as a module release is by its image digest.
/// </summary>
/// <param name="chain">The steps, to know which environments require blessing.</param>
/// <param name="graph">The application's modules.</param>
public sealed class SetRollbackPlanner(SetChain chain, ModuleGraph graph)
{
    /// <summary>
    /// Plans the rollback. Where a module keeps its address (a cluster's services), modules go back in reverse dependency
    /// order: a module goes back before the modules it depends on, so nothing still running the newer set calls a
    /// dependency already put back. Where addresses move (local deployments on free ports), a module put back answers
    /// somewhere new and the modules that call it must be redeployed after it: dependency order.
    /// </summary>
    /// <param name="environment">The environment to roll back.</param>
    /// <param name="history">Every set deployment of the application (rollbacks are deployments of the set they restored).</param>
    /// <param name="blessed">Every blessed set of the application.</param>
    /// <param name="toVersion">The version to go back to, or null for the previous one.</param>
    /// <param name="addressesMove">Whether a deployment moves a module's address in this environment.</param>
    /// <exception cref="PromotionRefusedException">Nothing to roll back to, the version is not eligible, or the sets' modules differ.</exception>
    public SetRollbackPlan Plan(string environment, IReadOnlyList<SetDeployment> history, IReadOnlyList<BlessedSet> blessed,
        SemanticVersion? toVersion = null, bool addressesMove = false)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(blessed);
        if (chain.StepIndexOf(environment) < 0)
            throw new PromotionRefusedException([$"--environment: '{environment}' is not in the promotion chain ({chain}): use one of those names."]);
        var deployments = history.Select(d => new Deployment(d.Environment, Id(d.Set), d.Set.Version, d.Set.Digest, d.At)).ToList();
        var blessedReleases = blessed.Select(b => new BlessedRelease(Id(b.Set), b.Set.Version, b.Set.Digest, b.Set.Digest, b.BlessedAt)).ToList();
        var chosen = new RollbackPlanner(chain.Flattened()).Plan(environment, deployments, blessedReleases, toVersion);

        var here = history.Where(d => d.Environment == environment).ToList();
        var from = here.MaxBy(d => d.At)!.Set;
        var to = here.First(d => d.Set.Digest == chosen.To.ImageDigest).Set;
        var missing = graph.Order.Where(m => to.PinOf(m) is null).ToList();
        if (missing.Count > 0)
            throw new PromotionRefusedException([
                $"Cannot roll '{environment}' back to {to.Title}: it does not pin {string.Join(", ", missing.Select(m => $"'{m}'"))}, " +
                "which the application has now. A rollback across an added module is not planned yet: fix forward with a new release."]);
        var rollout = RolloutPlanner.Plan(
            graph,
            BatchPromotionPlanner.Identities(to, graph),
            BatchPromotionPlanner.Identities(from, graph),
            addressesMove);
        var waves = addressesMove ? rollout.Waves : rollout.Waves.Reverse().ToList();
        return new SetRollbackPlan(environment, from, to, rollout, waves);
    }

    private static string Id(ReleaseManifest set) => $"{set.Application}-{set.Version}";
}
