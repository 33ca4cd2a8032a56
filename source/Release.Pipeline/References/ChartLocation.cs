using Release.Oci;

namespace Release.Delivery.Chart;

/// <summary>
/// A Helm chart pinned by digest in an OCI registry: what a deployment installs. The digest is the chart's OCI
/// manifest digest (what Flux's OCIRepository pins); the version is the chart version helm asks for.
/// </summary>
/// <param name="Url">The chart repository without tag, <c>oci://REGISTRY/REPOSITORY</c> (e.g. <c>oci://localhost:5000/charts/director</c>).</param>
/// <param name="Version">The chart version, SemVer 2 (e.g. <c>1.4.0+g0156133</c>).</param>
/// <param name="Digest">The chart's OCI manifest digest, <c>sha256:…</c>.</param>
public sealed record ChartLocation(string Url, string Version, string Digest)
{
    private const string Scheme = "oci://";

    /// <summary>The registry, <c>host[:port]</c>.</summary>
    public string Registry => Path.Split('/', 2)[0];

    /// <summary>The repository inside the registry, e.g. <c>charts/director</c>.</summary>
    public string Repository => Path.Split('/', 2) is [_, var repository] ? repository : "";

    private string Path => Url.StartsWith(Scheme, StringComparison.Ordinal) ? Url[Scheme.Length..] : Url;

    /// <summary>The chart Chart published, as recorded in <c>artifacts/chart/chart.json</c>.</summary>
    public static ChartLocation From(ChartStageRecord record) => new(record.ChartUrl, record.Version, record.ManifestDigest);

    /// <summary>Checks URL, repository, version and digest; throws naming the field and its fix.</summary>
    /// <exception cref="ArgumentException">A field is not usable.</exception>
    public ChartLocation Validate()
    {
        if (!Url.StartsWith(Scheme, StringComparison.Ordinal) || Registry.Length == 0 || Repository.Length == 0)
            throw new ArgumentException($"Chart URL '{Url}' is not an OCI chart repository: expected oci://REGISTRY/REPOSITORY (e.g. oci://localhost:5000/charts/director).", nameof(Url));
        OciNames.ValidateRepository(Repository, nameof(Url));
        if (string.IsNullOrWhiteSpace(Version))
            throw new ArgumentException($"The chart version for {Url} is empty: pass the chart's SemVer version (e.g. 1.4.0+g0156133).", nameof(Version));
        if (!OciDigest.TryParse(Digest, out _))
            throw new ArgumentException($"'{Digest}' is not a chart digest: charts are deployed by their OCI manifest digest (sha256:<64 hex digits>), never by tag.", nameof(Digest));
        return this;
    }

    /// <summary><c>oci://REGISTRY/REPOSITORY:VERSION@DIGEST</c>, for logs.</summary>
    public override string ToString() => $"{Url}:{Version}@{Digest}";
}
