using Release.Delivery.Chart;
using Release.Delivery.Push;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;
using Release.Oci;

namespace Release.Delivery.Deploy;

/// <summary>Everything a deployer needs for one deployment, read from the upstream records and the parameters.</summary>
/// <param name="Environment">The target environment.</param>
/// <param name="Module">The module's name.</param>
/// <param name="Version">The version being deployed.</param>
/// <param name="Commit">The commit it was built from (short form when known).</param>
/// <param name="DeployedBy">Who deploys (for records, commits and the notification).</param>
/// <param name="Image">The image by digest, or null when no image was built (process deployments only).</param>
/// <param name="PublishDirectory">Build's publish folder, for running the app as a process; null when unknown.</param>
/// <param name="Chart">The chart by digest (the one Chart published, or the release's), or null when the build has no Chart stage.</param>
/// <param name="HealthPath">The health endpoint, e.g. <c>/health</c>.</param>
public sealed record DeploymentRequest(
    EnvironmentDefinition Environment, string Module, string Version, string Commit, string DeployedBy,
    OciReference? Image, string? PublishDirectory, ChartLocation? Chart, string HealthPath)
{
    /// <summary>
    /// Environment variables the module runs with (local deployments), e.g. where its dependencies answer
    /// (<c>LEDGER_URL</c>), set by an application rollout; empty for a lone module.
    /// </summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();
}

/// <summary>What a deployer reports back.</summary>
/// <param name="Url">Where the deployed module is reached (or the environment's URL).</param>
/// <param name="Detail">One line for the log, e.g. the GitOps commit or the container name.</param>
public sealed record DeploymentOutcome(string Url, string Detail);
