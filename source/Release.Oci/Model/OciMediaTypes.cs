namespace Release.Oci;

/// <summary>Media types of the OCI image spec, Docker's v2 schema and common artifacts.</summary>
public static class OciMediaTypes
{
    /// <summary>OCI image manifest.</summary>
    public const string ImageManifest = "application/vnd.oci.image.manifest.v1+json";

    /// <summary>OCI image index (multi-platform list of manifests).</summary>
    public const string ImageIndex = "application/vnd.oci.image.index.v1+json";

    /// <summary>OCI image configuration.</summary>
    public const string ImageConfig = "application/vnd.oci.image.config.v1+json";

    /// <summary>OCI gzip-compressed layer.</summary>
    public const string ImageLayerGzip = "application/vnd.oci.image.layer.v1.tar+gzip";

    /// <summary>OCI uncompressed layer.</summary>
    public const string ImageLayer = "application/vnd.oci.image.layer.v1.tar";

    /// <summary>Docker image manifest, schema 2.</summary>
    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";

    /// <summary>Docker manifest list (multi-platform).</summary>
    public const string DockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";

    /// <summary>Docker image configuration.</summary>
    public const string DockerConfig = "application/vnd.docker.container.image.v1+json";

    /// <summary>Docker gzip-compressed layer.</summary>
    public const string DockerLayerGzip = "application/vnd.docker.image.rootfs.diff.tar.gzip";

    /// <summary>Helm chart configuration (Chart.yaml metadata as JSON).</summary>
    public const string HelmConfig = "application/vnd.cncf.helm.config.v1+json";

    /// <summary>Helm chart package (the .tgz).</summary>
    public const string HelmChartContent = "application/vnd.cncf.helm.chart.content.v1.tar+gzip";

    /// <summary>Every manifest media type this library reads; sent as the Accept header when fetching manifests.</summary>
    public static IReadOnlyList<string> Manifests { get; } =
        [ImageManifest, ImageIndex, DockerManifest, DockerManifestList];

    /// <summary>True for media types of lists of manifests (OCI index, Docker manifest list).</summary>
    public static bool IsIndex(string mediaType) => mediaType is ImageIndex or DockerManifestList;

    /// <summary>True for any manifest or index media type.</summary>
    public static bool IsManifest(string mediaType) => Manifests.Contains(mediaType);
}
