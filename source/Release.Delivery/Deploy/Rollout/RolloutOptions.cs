namespace Release.Delivery.Deploy.Rollout;

/// <summary>How an application rollout waits and what its deployer's addresses do.</summary>
/// <param name="DependencyHealthTimeout">How long a module waits for each dependency's health before it starts.</param>
/// <param name="AddressesMove">
/// True when each deployment answers at a new address (the local deployer's free ports): dependents are redeployed to
/// find their dependencies, and are told where they answer (<c>LEDGER_URL</c>). False for a cluster's stable services.
/// </param>
internal sealed record RolloutOptions(TimeSpan DependencyHealthTimeout, bool AddressesMove)
{
    /// <summary>Pause between health polls.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// False only to show what the graph prevents: the changed modules go one by one in the order the releases were
    /// given, none waiting for its dependencies.
    /// </summary>
    public bool FollowGraph { get; init; } = true;

    /// <summary>
    /// The application's checks, run after the last wave against the entry module; when one fails, the modules replaced
    /// in this run are put back like after a failed module. Null: each module's health is all that is checked.
    /// </summary>
    public Verify.ApplicationChecks? Checks { get; init; }

    /// <summary>The clock the rollout's records are stamped with: the build's (<c>BuildContext.Clock</c>), so tests
    /// with a fake clock see the times they set.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
