namespace Release.Delivery.Deploy.Notify;

/// <summary>What a deployment notification says.</summary>
/// <param name="Module">The module.</param>
/// <param name="Version">The deployed version.</param>
/// <param name="Environment">The environment.</param>
/// <param name="Commit">The source commit.</param>
/// <param name="DeployedBy">Who deployed.</param>
/// <param name="Url">Where the deployment is reached.</param>
public sealed record DeploymentNotice(string Module, string Version, string Environment, string Commit, string DeployedBy, string Url)
{
    /// <summary>The headline, when not "MODULE VERSION deployed to ENVIRONMENT" (e.g. an automatic rollback).</summary>
    public string? Title { get; init; }

    /// <summary>More to say (e.g. the measurements that triggered a rollback), shown as its own section; null for none.</summary>
    public string? Detail { get; init; }
}
