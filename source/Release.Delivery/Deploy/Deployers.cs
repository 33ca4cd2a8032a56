namespace Release.Delivery.Deploy;

/// <summary>The deployers an <see cref="EnvironmentDefinition"/> can name.</summary>
public static class Deployers
{
    /// <summary>Runs the image on this machine (podman or docker), else the published app as a process.</summary>
    public const string Local = "local";

    /// <summary>Writes Flux manifests into an environment git repository and pushes them.</summary>
    public const string GitOps = "gitops";

    /// <summary>Runs <c>helm upgrade --install --atomic --wait</c> against a cluster.</summary>
    public const string Helm = "helm";

    /// <summary>Every known deployer name.</summary>
    public static IReadOnlyList<string> All { get; } = [Local, GitOps, Helm];
}
