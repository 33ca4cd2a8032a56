namespace Release.Engine;

/// <summary>How a planned target ended.</summary>
public enum TargetStatus
{
    /// <summary>Not started yet.</summary>
    Pending,
    /// <summary>Ran and succeeded.</summary>
    Succeeded,
    /// <summary>Ran and failed.</summary>
    Failed,
    /// <summary>Skipped by <c>--skip</c> or a condition.</summary>
    Skipped,
    /// <summary>Skipped because its inputs, parameters and tools are unchanged since its last success and its outputs exist.</summary>
    UpToDate,
    /// <summary>Not run because a target it needs failed, or the build stopped.</summary>
    NotRun,
    /// <summary>Stopped by cancellation while running.</summary>
    Cancelled,
}
