namespace Release.Engine;

/// <summary>What happens to a target's dependencies when the target itself is skipped by a condition.</summary>
public enum DependencyBehavior
{
    /// <summary>Dependencies still run (the default).</summary>
    Execute,

    /// <summary>Dependencies are skipped too, unless another target in the plan still needs them.</summary>
    Skip,
}
