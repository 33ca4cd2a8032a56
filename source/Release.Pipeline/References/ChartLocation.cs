using Release.Pipeline.Records;
using Release.Oci;

namespace Release.Pipeline.References;

/// <summary>
/// A Helm chart pinned by digest in an OCI registry: what a deployment installs. The reference's digest is the chart's
/// OCI manifest digest (what Flux's OCIRepository pins); the version is the chart version helm asks for (the OCI tag
/// is that version with <c>+</c> as <c>_</c>).
/// </summary>
/// <param name="Reference">The chart in its registry, pinned by digest, e.g. <c>localhost:5000/charts/director@sha256:…</c>.</param>
/// <param name="Version">The chart version, SemVer 2 (e.g. <c>1.4.0+g0156133</c>).</param>
public sealed record ChartLocation(OciReference Reference, string Version)
{
    /// <summary>The chart repository without tag, <c>oci://REGISTRY/REPOSITORY</c>.</summary>
    public string Url => Reference.Url;

    /// <summary>The registry, <c>host[:port]</c>.</summary>
    public string Registry => Reference.Registry;

    /// <summary>The repository inside the registry, e.g. <c>charts/director</c>.</summary>
    public string Repository => Reference.Repository;

    /// <summary>The chart's OCI manifest digest.</summary>
    public string Digest => Reference.RequireDigest();

    /// <summary>The chart Chart published, as recorded in <c>artifacts/chart/chart.json</c>.</summary>
    public static ChartLocation From(ChartRecord record) => new(record.Chart.ByDigest(), record.Version);

    /// <summary>Checks that the chart is pinned by digest and has a version; throws naming the field and its fix.</summary>
    /// <exception cref="ArgumentException">A field is not usable.</exception>
    public ChartLocation Validate()
    {
        if (string.IsNullOrWhiteSpace(Version))
            throw new ArgumentException(
                $"The chart version for {Url} is empty: pass the chart's SemVer version (e.g. 1.4.0+g0156133).",
                nameof(Version));
        if (Reference.Digest is null)
            throw new ArgumentException(
                $"'{Reference}' names no chart digest: charts are deployed by their OCI manifest digest (sha256:<64 hex digits>), never by tag.",
                nameof(Reference));
        return this;
    }

    /// <summary><c>oci://REGISTRY/REPOSITORY:VERSION@DIGEST</c>, for logs.</summary>
    public override string ToString() => $"{Url}:{Version}@{Reference.Digest}";
}
