namespace Release.Process.Applications.Releases;

/// <summary>What became of one environment of a batch.</summary>
public enum BatchResult
{
    /// <summary>It runs the new set.</summary>
    Promoted,

    /// <summary>Its promotion failed; it is put back on the set it ran before.</summary>
    Failed,

    /// <summary>Its promotion succeeded but another environment of the batch failed and the step does not allow partial
    /// success: it is put back on the set it ran before.</summary>
    Reverted,
}

/// <summary>One environment's line of a batch report.</summary>
/// <param name="Environment">The environment.</param>
/// <param name="Result">What became of it.</param>
/// <param name="Detail">Why: the deployer's failure, or the environment whose failure reverted it.</param>
/// <param name="RestoreTo">The set it goes back to (null when it ran none: its modules are removed), when it is put back.</param>
public sealed record EnvironmentOutcome(string Environment, BatchResult Result, string Detail, ReleaseManifest? RestoreTo);

/// <summary>
/// The result of a batch once every environment's deployer has answered: per environment, whether it keeps the new set.
/// An environment that failed always goes back to the set it ran (its deployer put back the modules it had changed, in
/// <see cref="Rollout.RolloutPlan.RestoreOrder"/>); when one failed and the step does not allow partial success, the
/// others go back too, so a step is never left half on one release and half on another.
/// </summary>
/// <param name="Plan">The batch.</param>
/// <param name="Environments">Each environment's outcome, in the plan's order.</param>
public sealed record BatchOutcome(BatchPlan Plan, IReadOnlyList<EnvironmentOutcome> Environments)
{
    /// <summary>True when every environment runs the new set.</summary>
    public bool Succeeded => Environments.All(e => e.Result == BatchResult.Promoted);

    /// <summary>The environments to put back on their previous set, in the plan's order.</summary>
    public IReadOnlyList<EnvironmentOutcome> ToRestore => Environments.Where(e => e.Result != BatchResult.Promoted).ToList();

    /// <summary>One line per environment, for the log and the report: <c>staging-eu: promoted</c>, <c>staging-us: FAILED (…)</c>.</summary>
    public IReadOnlyList<string> Report => Environments.Select(e => e.Result switch
    {
        BatchResult.Promoted => $"{e.Environment}: promoted to {Plan.Set.Title}",
        BatchResult.Failed => $"{e.Environment}: FAILED ({e.Detail}); back on {e.RestoreTo?.Title ?? "nothing (modules removed)"}",
        _ => $"{e.Environment}: reverted ({e.Detail}); back on {e.RestoreTo?.Title ?? "nothing (modules removed)"}",
    }).ToList();

    /// <summary>Decides the batch from each environment's failure (null when it succeeded).</summary>
    /// <param name="plan">The batch.</param>
    /// <param name="failures">For each environment of the plan, why it failed, or null when it succeeded.</param>
    /// <exception cref="ArgumentException">An environment of the plan has no answer, or an answer names no environment of the plan.</exception>
    public static BatchOutcome Decide(BatchPlan plan, IReadOnlyDictionary<string, string?> failures)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(failures);
        var missing = plan.Environments.FirstOrDefault(e => !failures.ContainsKey(e.Environment));
        if (missing is not null) throw new ArgumentException(
            $"No result was given for environment '{missing.Environment}' of the batch.",
            nameof(failures));
        var stray = failures.Keys.FirstOrDefault(k => plan.Environments.All(e => e.Environment != k));
        if (stray is not null) throw new ArgumentException($"'{stray}' is not an environment of the batch.", nameof(failures));

        var failed = plan.Environments.Where(e => failures[e.Environment] is not null).Select(e => e.Environment).ToList();
        var revertAll = failed.Count > 0 && !plan.AllowsPartialSuccess;
        var outcomes = plan.Environments.Select(e =>
        {
            if (failures[e.Environment] is { } reason) return new EnvironmentOutcome(e.Environment, BatchResult.Failed, reason, e.Running);
            return revertAll
                ? new EnvironmentOutcome(e.Environment, BatchResult.Reverted,
                    $"the batch failed in {string.Join(", ", failed)} and step '{plan.Step.Name}' does not allow partial success", e.Running)
                : new EnvironmentOutcome(e.Environment, BatchResult.Promoted, "", null);
        }).ToList();
        return new BatchOutcome(plan, outcomes);
    }
}
