namespace Release.Scanning.Sources.Trivy;

/// <summary>What <see cref="TrivySource"/> is asked to scan.</summary>
public enum TrivyTargetKind
{
    /// <summary>An image saved as a tar (docker-archive or OCI layout): <c>trivy image --input</c>.</summary>
    ImageArchive,

    /// <summary>An unpacked root file system folder: <c>trivy rootfs</c>.</summary>
    RootFileSystem,
}
