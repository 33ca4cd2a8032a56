namespace Release.Scanning.Model;

/// <summary>Whether a component ends up in what ships (CycloneDX <c>scope</c>).</summary>
public enum DependencyScope
{
    /// <summary>Needed at run time (CycloneDX "required").</summary>
    Required,

    /// <summary>
    /// Only used while building, e.g. analyzers referenced with <c>PrivateAssets="all"</c> and what only they
    /// pull in (CycloneDX "excluded").
    /// </summary>
    Excluded,
}
