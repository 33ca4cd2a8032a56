namespace Release.Helm.Repository;

/// <summary>
/// A chart version is already in the index with a different digest. Published versions are immutable: consumers may
/// have cached the first archive, so the fix is a new version, never a replaced one.
/// </summary>
public sealed class ChartVersionConflictException : InvalidOperationException
{
    /// <summary>Creates the exception naming the index file, chart, version and both digests.</summary>
    public ChartVersionConflictException(string indexFile, string name, string version, string existingDigest, string newDigest)
        : base($"{indexFile}: {name} {version} is already published with digest {existingDigest}, and the new package has digest "
               + $"{newDigest}. A published chart version is immutable: bump the chart version instead of republishing it.")
    {
    }
}
