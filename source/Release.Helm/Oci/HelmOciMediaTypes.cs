namespace Release.Helm.Oci;

/// <summary>The media types Helm uses when a chart is stored as an OCI artifact.</summary>
public static class HelmOciMediaTypes
{
    /// <summary>The config blob: the chart's Chart.yaml metadata as JSON.</summary>
    public const string Config = "application/vnd.cncf.helm.config.v1+json";

    /// <summary>The single content layer: the packaged chart (<c>NAME-VERSION.tgz</c>) byte for byte.</summary>
    public const string ChartContent = "application/vnd.cncf.helm.chart.content.v1.tar+gzip";

    /// <summary>The optional provenance layer (a signed <c>.prov</c> file).</summary>
    public const string Provenance = "application/vnd.cncf.helm.chart.provenance.v1.prov";
}
