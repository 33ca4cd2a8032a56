namespace Release.Process.Verification;

/// <summary>What happens to an environment whose new release failed its sanity checks or load limits.</summary>
public enum AfterDeployAction
{
    /// <summary>Everything passed: the new release stays.</summary>
    Keep,

    /// <summary>Deploy the previous release again, without a person.</summary>
    RollBack,

    /// <summary>Leave the failing release in place (rollback turned off for the environment, or nothing to go back to) and fail.</summary>
    FailInPlace,
}

/// <summary>The rule for automatic rollback: a failed check goes back to the previous release when the environment allows it and one is
/// known.</summary>
public static class AfterDeployDecision
{
    /// <summary>Decides; <paramref name="reason"/> says why in a sentence for the log and the record.</summary>
    /// <param name="failures">How many checks or limits failed.</param>
    /// <param name="rollbackEnabled">The environment's automatic-rollback flag.</param>
    /// <param name="previousVersion">The release the environment ran before, or null when none is known.</param>
    /// <param name="reason">Why, for the log and the record.</param>
    public static AfterDeployAction Decide(int failures, bool rollbackEnabled, string? previousVersion, out string reason)
    {
        if (failures == 0)
        {
            reason = "every check passed";
            return AfterDeployAction.Keep;
        }
        if (!rollbackEnabled)
        {
            reason = "automatic rollback is turned off for this environment (AutomaticRollback = false in its declaration)";
            return AfterDeployAction.FailInPlace;
        }
        if (string.IsNullOrWhiteSpace(previousVersion))
        {
            reason = "no previous release of this environment is known, so there is nothing to go back to";
            return AfterDeployAction.FailInPlace;
        }
        reason = $"rolling back to the previous release {previousVersion}";
        return AfterDeployAction.RollBack;
    }
}
