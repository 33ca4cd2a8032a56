namespace Release.Oci;

/// <summary>One layer of a generic OCI artifact: its media type, bytes and optional annotations.</summary>
/// <param name="MediaType">E.g. <see cref="OciMediaTypes.HelmChartContent"/>.</param>
/// <param name="Content">The exact bytes to store.</param>
public sealed record ArtifactLayer(string MediaType, byte[] Content)
{
    /// <summary>Annotations for the layer descriptor, e.g. <c>org.opencontainers.image.title</c>.</summary>
    public IReadOnlyDictionary<string, string>? Annotations { get; init; }
}
