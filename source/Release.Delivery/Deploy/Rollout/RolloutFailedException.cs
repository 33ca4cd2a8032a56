namespace Release.Delivery.Deploy.Rollout;

/// <summary>
/// A rollout stopped because a module failed; the modules replaced before it were put back. The message names the
/// module, the reason and what was put back; <see cref="Report"/> holds every step. A failure, not bad input.
/// </summary>
internal sealed class RolloutFailedException(string message, RolloutReport report, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>What the rollout did, module by module.</summary>
    public RolloutReport Report { get; } = report;
}
