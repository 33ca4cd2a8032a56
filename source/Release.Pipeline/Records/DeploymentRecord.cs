namespace Release.Pipeline.Records;

/// <summary>Deploy's record for one environment.</summary>
/// <param name="Environment">The environment.</param>
/// <param name="Deployer">The deployer that ran (local, gitops, helm).</param>
/// <param name="Url">Where the deployment answers.</param>
/// <param name="Version">The version deployed.</param>
/// <param name="ImageDigest">The image digest it runs.</param>
/// <param name="DeployedBy">Who deployed.</param>
/// <param name="DeployedAt">When.</param>
public sealed record DeploymentRecord(
    string Environment,
    string Deployer,
    string Url,
    string Version,
    string ImageDigest,
    string DeployedBy,
    DateTimeOffset DeployedAt);
