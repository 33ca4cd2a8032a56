using Release.Process.Versioning;
using Release.SemVer;

namespace Release.Process.Promotion;

/// <summary>A planned rollback.</summary>
/// <param name="Environment">The environment rolled back.</param>
/// <param name="FromVersion">The version deployed now.</param>
/// <param name="To">The deployment to restore.</param>
public sealed record RollbackPlan(string Environment, SemanticVersion FromVersion, Deployment To)
{
    /// <summary>The command that performs this rollback.</summary>
    public string Command => RollbackPlanner.CommandFor(Environment, To.Version);
}

/// <summary>
/// Finds what to roll an environment back to. Without a version: the release deployed there before the current one
/// first arrived (blessed, for environments that require blessing), so repeated rollbacks walk back through history
/// and never forward to a release that was rolled back from. With a version: any earlier eligible deployment of it.
/// </summary>
/// <param name="chain">The environments, to know which require blessing.</param>
public sealed class RollbackPlanner(EnvironmentChain chain)
{
    /// <summary>The rollback command for an environment and version.</summary>
    /// <param name="environment">The environment.</param>
    /// <param name="version">The version to restore.</param>
    public static string CommandFor(string environment, SemanticVersion version) =>
        $"./build.sh Rollback --environment {environment} --to {version}";

    /// <summary>Plans the rollback.</summary>
    /// <param name="environment">The environment.</param>
    /// <param name="history">Every deployment so far.</param>
    /// <param name="blessed">Every blessed release.</param>
    /// <param name="toVersion">A specific version to restore, or null for the previous one.</param>
    /// <exception cref="PromotionRefusedException">Nothing deployed, no earlier eligible release, or the requested version is not
    /// eligible.</exception>
    public RollbackPlan Plan(
        string environment,
        IReadOnlyList<Deployment> history,
        IReadOnlyList<BlessedRelease> blessed,
        SemanticVersion? toVersion = null)
    {
        var target = chain.Get(environment);
        var deployments = history.Where(d => d.Environment == environment).OrderBy(d => d.DeployedAt).ToArray();
        if (deployments.Length == 0)
            throw new PromotionRefusedException([$"Nothing was ever deployed to '{environment}', so there is nothing to roll back."]);
        var current = deployments[^1];
        bool Eligible(Deployment d) => !d.Version.Equals(current.Version)
            && (!target.RequiresBlessing || blessed.Any(b => b.ImageDigest == d.ImageDigest && b.Version.Equals(d.Version)));
        var candidates = deployments[..^1].Reverse().Where(Eligible).ToArray();
        // A rollback is recorded as a deployment of the version it restored: only what ran before the current
        // version's first arrival is "before" it.
        var arrival = Array.FindIndex(deployments, d => d.Version.Equals(current.Version));
        var previous = deployments[..arrival].Reverse().Where(Eligible).ToArray();

        if (toVersion is not null)
        {
            var chosen = candidates.FirstOrDefault(d => d.Version.Equals(toVersion))
                ?? throw new PromotionRefusedException([
                    $"Cannot roll '{environment}' back to {toVersion}: it was not deployed there before {current.Version}" +
                    (target.RequiresBlessing ? " as a blessed release" : "") +
                    $". Eligible versions: {(candidates.Length == 0 ? "none" : string.Join(", ", candidates.Select(c => c.Version).Distinct()))}."]);
            return new RollbackPlan(environment, current.Version, chosen);
        }
        if (previous.Length == 0)
            throw new PromotionRefusedException([
                $"No previous {(target.RequiresBlessing ? "blessed " : "")}release was deployed to '{environment}' before {current.Version}: " +
                "there is nothing to roll back to; fix forward with a new release" +
                (candidates.Length == 0
                    ? "."
                    : $", or name a version with --to ({string.Join(", ", candidates.Select(c => c.Version).Distinct())}).")]);
        return new RollbackPlan(environment, current.Version, previous[0]);
    }
}
