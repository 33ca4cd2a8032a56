namespace Release.Scanning.Policy;

/// <summary>The outcome of a scan for a quality gate.</summary>
public enum ScanVerdict
{
    /// <summary>Every source gave advisory data and nothing was found.</summary>
    Clean,

    /// <summary>
    /// The gate passes, but not clean: findings below the threshold, allowlisted findings, or missing advisory data
    /// that the policy explicitly accepts.
    /// </summary>
    Passed,

    /// <summary>The gate fails: blocking findings, missing advisory data not accepted, or no source at all.</summary>
    Failed,
}
