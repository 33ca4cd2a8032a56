using System.Text.Json.Serialization;
using Release.Pipeline.References;
using Release.Oci;

namespace Release.Pipeline.Records;

/// <summary>
/// What Chart writes to <c>artifacts/chart/chart.json</c>: the chart's name, versions and package, where it was pushed
/// (<see cref="Chart"/>: registry, repository, tag and the OCI manifest digest Flux and helm pin), the seed process's
/// chart name and the image it pins (<see cref="Image"/>). The JSON keeps the references as text fields
/// (<c>ociReference</c>, <c>manifestDigest</c>, <c>chartUrl</c>, <c>imageReference</c>); reading parses them once.
/// </summary>
public sealed record ChartRecord
{
    /// <summary>The record of a published chart.</summary>
    /// <param name="name">The chart name (the module).</param>
    /// <param name="version">The chart version, SemVer 2 with the commit (e.g. <c>1.4.0+g0156133</c>).</param>
    /// <param name="appVersion">The application version.</param>
    /// <param name="package">The packaged chart, relative to the build root.</param>
    /// <param name="digest">The package's sha256 (the OCI chart layer's digest).</param>
    /// <param name="chart">The pushed chart with tag and manifest digest.</param>
    /// <param name="seedName">The seed process's name, <c>&lt;module&gt;-&lt;major&gt;-&lt;minor&gt;-&lt;release&gt;-&lt;commit_sha&gt;</c> (display
    /// and audit only).</param>
    /// <param name="image">The image the chart pins, by digest.</param>
    public ChartRecord(
        string name,
        string version,
        string appVersion,
        string package,
        string digest,
        OciReference chart,
        string seedName,
        OciReference image)
    {
        if (chart.Tag is null) throw new ArgumentException($"The chart reference '{chart}' has no tag.", nameof(chart));
        chart.RequireDigest();
        image.RequireDigest();
        (Name, Version, AppVersion, Package, Digest, Chart, SeedName, Image) = (name, version, appVersion, package, digest, chart, seedName, image);
    }

    /// <summary>The record as its JSON fields name it.</summary>
    [JsonConstructor]
    public ChartRecord(string name, string version, string appVersion, string package, string digest, string ociReference,
        string seedName, string manifestDigest, string imageReference)
        : this(
            name,
            version,
            appVersion,
            package,
            digest,
            Release.Oci.OciReference.Parse(ociReference, "chart.json: ociReference").WithDigest(manifestDigest),
            seedName,
            Release.Oci.OciReference.Parse(imageReference, "chart.json: imageReference"))
    {
    }

    /// <summary>The chart name (the module).</summary>
    public string Name { get; }

    /// <summary>The chart version, SemVer 2 with the commit (e.g. <c>1.4.0+g0156133</c>).</summary>
    public string Version { get; }

    /// <summary>The application version.</summary>
    public string AppVersion { get; }

    /// <summary>The packaged chart, relative to the build root.</summary>
    public string Package { get; }

    /// <summary>The package's sha256 (the OCI chart layer's digest).</summary>
    public string Digest { get; }

    /// <summary>The pushed chart: registry, repository, tag and manifest digest.</summary>
    [JsonIgnore]
    public OciReference Chart { get; }

    /// <summary><c>REGISTRY/REPOSITORY:TAG</c> of the pushed chart.</summary>
    public string OciReference => Chart.WithDigest(null).ToString();

    /// <summary>The seed process's chart name (display and audit only).</summary>
    public string SeedName { get; }

    /// <summary>The digest of the chart's OCI manifest: what Flux and helm pin.</summary>
    public string ManifestDigest => Chart.Digest!;

    /// <summary>The chart repository URL without tag, <c>oci://REGISTRY/REPOSITORY</c>.</summary>
    public string ChartUrl => Chart.Url;

    /// <summary>The image the chart pins, by digest.</summary>
    [JsonIgnore]
    public OciReference Image { get; }

    /// <summary>The image the chart pins, <c>REGISTRY/REPOSITORY@DIGEST</c>.</summary>
    public string ImageReference => Image.ToString();
}
