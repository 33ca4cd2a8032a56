namespace Release.Delivery.Deploy;

/// <summary>One way of deploying: local, GitOps or helm.</summary>
internal interface IDeployer
{
    /// <summary>Deploys; on failure the previous deployment must still be the one serving, and the error says so.</summary>
    Task<DeploymentOutcome> DeployAsync(DeploymentRequest request, CancellationToken ct);
}
