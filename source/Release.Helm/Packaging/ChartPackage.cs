namespace Release.Helm.Packaging;

/// <summary>A packaged chart archive.</summary>
/// <param name="Path">The full path of <c>NAME-VERSION.tgz</c>.</param>
/// <param name="Name">The chart name.</param>
/// <param name="Version">The chart version.</param>
/// <param name="Digest">The archive's digest, <c>sha256:</c> and 64 lowercase hex digits (the OCI layer digest).</param>
/// <param name="Size">The archive size in bytes.</param>
public sealed record ChartPackage(string Path, string Name, string Version, string Digest, long Size)
{
    /// <summary>The digest without the <c>sha256:</c> prefix, the form a classic index.yaml stores.</summary>
    public string DigestHex => Digest["sha256:".Length..];
}
