namespace Release.Delivery.Deploy.Rollout;

/// <summary>What happened to a module in a rollout.</summary>
internal enum ModuleRolloutOutcome
{
    /// <summary>Its release runs already; left alone.</summary>
    Unchanged,

    /// <summary>Replaced by the new release, which answered its health check.</summary>
    Deployed,

    /// <summary>Its dependencies did not answer, or its new release failed: the rollout stopped here.</summary>
    Failed,

    /// <summary>Not started: the rollout stopped before its turn.</summary>
    NotStarted,

    /// <summary>Put back to the release that ran before the rollout.</summary>
    Restored,

    /// <summary>Replaced in this run, but nothing ran before: the new release stays.</summary>
    NothingToRestore,

    /// <summary>Putting it back failed; the reason says what runs.</summary>
    RestoreFailed,
}

/// <summary>One event of a rollout, in the order they happened.</summary>
/// <param name="Module">The module.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Reason">Why: the plan's reason, the failure, or the release put back.</param>
/// <param name="Version">The version concerned (deployed, failed or put back).</param>
/// <param name="PreviousVersion">What ran before the rollout, or null.</param>
/// <param name="Url">Where the module answers afterwards, or null.</param>
/// <param name="StartedAt">When the module's deployment started (after its dependencies answered).</param>
/// <param name="FinishedAt">When it answered its health check (or failed).</param>
internal sealed record ModuleRolloutStep(
    string Module, ModuleRolloutOutcome Outcome, string Reason, string? Version, string? PreviousVersion, string? Url,
    DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt);

/// <summary>The record of one rollout: <c>rollout.json</c> next to the modules' records.</summary>
/// <param name="Environment">The environment.</param>
/// <param name="Succeeded">Whether every changed module was deployed.</param>
/// <param name="Failure">The failure (module and reason), or null.</param>
/// <param name="Steps">What happened, in order.</param>
internal sealed record RolloutReport(string Environment, bool Succeeded, string? Failure, IReadOnlyList<ModuleRolloutStep> Steps)
{
    /// <summary>What the application's checks found after the last wave (<see cref="RolloutOptions.Checks"/>); empty when none ran.</summary>
    public IReadOnlyList<Verify.SanityCheckResult> ApplicationChecks { get; init; } = [];

    /// <summary>The events of one module.</summary>
    public IReadOnlyList<ModuleRolloutStep> Of(string module) =>
        Steps.Where(s => string.Equals(s.Module, module, StringComparison.OrdinalIgnoreCase)).ToList();
}
