namespace Release.Delivery.Deploy.Rollout;

/// <summary>What runs for one module in one environment: the release, where it answers, since when.</summary>
/// <param name="Release">The release running.</param>
/// <param name="Url">Where it answers (the module's base URL).</param>
/// <param name="DeployedAt">When it was deployed (or put back).</param>
internal sealed record ModuleDeployment(ModuleRelease Release, string Url, DateTimeOffset DeployedAt);
