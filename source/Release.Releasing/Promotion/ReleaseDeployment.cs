using Release.Delivery.Chart;
using Release.Delivery.Push;
using Release.Process.Promotion;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;
using Release.Oci;

namespace Release.Releasing.Promotion;

/// <summary>One deployment of a release, image and chart by digest, to one environment.</summary>
/// <param name="Environment">The environment.</param>
/// <param name="ReleaseId">The release.</param>
/// <param name="Version">Its version.</param>
/// <param name="Commit">The commit it was built from (short form).</param>
/// <param name="Image">The image in the environment's repository, by digest.</param>
/// <param name="Chart">The chart in the environment's chart repository, by digest.</param>
/// <param name="DeployedBy">Who promotes or rolls back.</param>
/// <param name="At">When.</param>
public sealed record ReleaseDeployment(
    DeploymentEnvironment Environment, string ReleaseId, string Version, string Commit, OciReference Image, ChartLocation Chart,
    string DeployedBy, DateTimeOffset At);
