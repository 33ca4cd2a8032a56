namespace Release.Delivery.Deploy;

/// <summary>
/// An environment declared in the build definition: its name, how it is deployed, the Kubernetes namespace it uses and
/// the branch that feeds it. Builds declare theirs by overriding <see cref="IDeploy.Environments"/>.
/// </summary>
/// <param name="Name">The environment's name, e.g. <c>staging</c>; selected with <c>--environment</c>.</param>
/// <param name="Deployer">How it is deployed: <see cref="Deployers.Local"/>, <see cref="Deployers.GitOps"/> or <see cref="Deployers.Helm"/>.</param>
/// <param name="Namespace">The Kubernetes namespace (GitOps and helm); informational for local deployments.</param>
/// <param name="Branch">The branch whose builds may be deployed here; <c>*</c> for any branch.</param>
public sealed record EnvironmentDefinition(string Name, string Deployer, string Namespace, string Branch)
{
    /// <summary>The environment's public URL (GitOps and helm), used in the record and the notification; local deployments record their
    /// own.</summary>
    public string? Url { get; init; }

    /// <summary>
    /// The environment repository of this environment for the gitops deployer (URL or path); null uses
    /// <c>--gitops-repository</c>. Lets production's repository differ from the other environments'.
    /// </summary>
    public string? GitopsRepository { get; init; }

    /// <summary>The kubeconfig context for the helm deployer; null uses the current one.</summary>
    public string? KubeContext { get; init; }

    /// <summary>
    /// Whether a release that fails its sanity checks or load limits here is replaced by the last release that passed,
    /// without a person (default true). Turn it off where people want to look at the failing release first.
    /// </summary>
    public bool AutomaticRollback { get; init; } = true;

    /// <summary>Whether a build of <paramref name="branch"/> may be deployed here.</summary>
    public bool Accepts(string? branch) => Branch == "*" || string.Equals(Branch, branch, StringComparison.Ordinal);

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Deployer}, namespace {Namespace}, fed by {Branch})";
}
