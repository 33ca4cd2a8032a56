namespace Release.Helm.Repository;

/// <summary>What adding a version to an index did.</summary>
public enum IndexMergeOutcome
{
    /// <summary>The version was new and has been added.</summary>
    Added,

    /// <summary>The same version with the same digest was already there (a re-run); nothing changed.</summary>
    AlreadyPresent,
}
