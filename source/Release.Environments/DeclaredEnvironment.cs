using Release.Applications;

namespace Release.Environments;

/// <summary>A checked environment.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Step">Its place in the promotion chain (1 first).</param>
/// <param name="Group">The batch it is deployed with; its own name when it stands alone.</param>
/// <param name="Deployer"><c>local</c>, <c>gitops</c> or <c>helm</c>.</param>
/// <param name="Cluster">The cluster it runs on.</param>
/// <param name="Namespace">The namespace it owns.</param>
/// <param name="Site">Where it was declared.</param>
public sealed record DeclaredEnvironment(string Name, int Step, string Group, string Deployer, string Cluster, string Namespace, DeclarationSite Site)
{
    /// <summary>True when it is fed through the environment GitOps repository.</summary>
    public bool IsGitOps => Deployer == "gitops";
}
