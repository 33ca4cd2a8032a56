namespace Release.Delivery.Chart;

/// <summary>
/// What Chart writes to <c>artifacts/chart/chart.json</c>: the pipeline's <c>ChartRecord</c> fields (readers of that
/// record see the same JSON) plus the seed process's chart name, the OCI manifest digest Flux pins, and the chart URL.
/// </summary>
/// <param name="Name">The chart name (the module).</param>
/// <param name="Version">The chart version, SemVer 2 with the commit (e.g. <c>1.4.0+g0156133</c>).</param>
/// <param name="AppVersion">The application version.</param>
/// <param name="Package">The packaged chart, relative to the build root.</param>
/// <param name="Digest">The package's sha256 (the OCI chart layer's digest).</param>
/// <param name="OciReference"><c>REGISTRY/REPOSITORY:TAG</c> of the pushed chart.</param>
/// <param name="SeedName">The seed process's name, <c>&lt;module&gt;-&lt;major&gt;-&lt;minor&gt;-&lt;release&gt;-&lt;commit_sha&gt;</c> (display and audit only).</param>
/// <param name="ManifestDigest">The digest of the chart's OCI manifest: what Flux and helm pin.</param>
/// <param name="ChartUrl">The chart repository URL without tag, <c>oci://REGISTRY/REPOSITORY</c>.</param>
/// <param name="ImageReference">The image the chart pins, <c>REGISTRY/REPOSITORY@DIGEST</c>.</param>
public sealed record ChartStageRecord(
    string Name, string Version, string AppVersion, string Package, string Digest, string? OciReference,
    string SeedName, string ManifestDigest, string ChartUrl, string ImageReference);
