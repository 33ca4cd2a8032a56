using Release.Delivery.Chart;
using Release.Delivery.Push;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;
using Release.Oci;

namespace Release.Delivery.Deploy;

/// <summary>
/// A release handed to <see cref="IDeploy.DeployReleaseAsync"/>: the image and the chart, both by digest, and who
/// deploys it. The release process (promotion, rollback) builds it from its records instead of this build's stage records.
/// </summary>
/// <param name="Version">The application version, e.g. <c>1.4.0</c>.</param>
/// <param name="Commit">The commit the release was built from (short form), for the record, commit message and notice.</param>
/// <param name="Image">The image, by digest.</param>
/// <param name="Chart">The chart, by digest.</param>
/// <param name="DeployedBy">Who deploys (recorded in the environment repository's commit and the deployment record).</param>
public sealed record ReleaseToDeploy(string Version, string Commit, OciReference Image, ChartLocation Chart, string DeployedBy);
