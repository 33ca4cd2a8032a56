using Release.Delivery.Deploy;
using Release.Process.Verification;

namespace Release.Delivery.Verify;

/// <summary>What followed a failed check: rolled back (to what, where, and whether the restored release passed its checks) or left in place, and
/// why.</summary>
/// <param name="Action">Rolled back or failed in place.</param>
/// <param name="Reason">Why, in a sentence.</param>
/// <param name="RestoredVersion">The version running again, or null.</param>
/// <param name="Restored">Where it runs again, or null.</param>
/// <param name="RestoredChecks">The sanity checks of the restored release, or empty.</param>
public sealed record RollbackOutcome(
    AfterDeployAction Action,
    string Reason,
    string? RestoredVersion,
    DeploymentOutcome? Restored,
    IReadOnlyList<SanityCheckResult> RestoredChecks)
{
    /// <summary>The record's word for the action: <c>keep</c>, <c>rolled-back</c> or <c>failed-in-place</c>.</summary>
    public string ActionName
        => Action switch { AfterDeployAction.RollBack => "rolled-back", AfterDeployAction.FailInPlace => "failed-in-place", _ => "keep" };

    /// <summary>One sentence for a failure message.</summary>
    public string Sentence => Action == AfterDeployAction.RollBack
        ? $"The environment was rolled back automatically to {RestoredVersion} ({Restored?.Url}), whose sanity checks " +
          (RestoredChecks.All(c => c.Passed)
              ? "pass."
              : "fail too: " + string.Join("; ", RestoredChecks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}")) + ".")
        : $"It was left in place: {Reason}.";
}
