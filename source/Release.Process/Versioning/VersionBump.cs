namespace Release.Process.Versioning;

/// <summary>Which SemVer number a release increments, in increasing order of impact.</summary>
public enum VersionBump
{
    /// <summary>Nothing releasable changed (e.g. only <c>chore</c> or <c>docs</c> commits).</summary>
    None = 0,

    /// <summary>PATCH: backwards compatible bug fixes.</summary>
    Patch = 1,

    /// <summary>MINOR: backwards compatible features.</summary>
    Minor = 2,

    /// <summary>MAJOR: incompatible changes.</summary>
    Major = 3,
}
