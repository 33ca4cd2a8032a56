namespace Release.CI;

/// <summary>
/// A deployment environment: which target deploys, on which branch rules, whether a person starts it, and the build
/// parameter that receives the environment's name (a deploy job runs <c>./build.sh ... --environment staging</c>).
/// </summary>
/// <param name="Name">The environment name as the CI system knows it (<c>production</c>).</param>
/// <param name="DeployTarget">The target that deploys.</param>
/// <param name="BranchRules">Declared branch rules (or <c>merge-request</c>) whose pipelines deploy here.</param>
/// <param name="Manual">GitLab: the job waits for a manual start. Azure: the header asks for an approval check.</param>
/// <param name="Parameter">The build parameter the environment's name is passed to; it must be a parameter of the build.</param>
public sealed record EnvironmentDeclaration(
    string Name,
    string DeployTarget,
    IReadOnlyList<string> BranchRules,
    bool Manual,
    string Parameter = EnvironmentDeclaration.DefaultParameter)
{
    /// <summary>The parameter an environment's name is passed to unless the declaration names another.</summary>
    public const string DefaultParameter = "Environment";

    /// <summary>
    /// Environments deployed earlier in the same pipelines whose verified result this one promotes: jobs for this
    /// environment rely on their jobs (order and artifacts) instead of repeating that work.
    /// </summary>
    public IReadOnlyList<string> Promotes { get; init; } = [];

    /// <summary>Whether jobs for this environment may rely on jobs for <paramref name="environment"/>.</summary>
    internal bool ReliesOn(string environment) => environment == Name || Promotes.Contains(environment, StringComparer.Ordinal);
}

/// <summary>A scheduled pipeline.</summary>
/// <param name="Name">The schedule's name (GitLab schedule description, Azure display name).</param>
/// <param name="Target">The target the scheduled pipeline runs.</param>
/// <param name="Cron">Five-field cron expression, UTC.</param>
/// <param name="Branch">The branch the schedule runs on.</param>
public sealed record ScheduleDeclaration(string Name, string Target, string Cron, string Branch);

/// <summary>GitLab file options.</summary>
public sealed record GitLabOptions
{
    /// <summary>The file's path relative to the root.</summary>
    public string Path { get; init; } = ".gitlab-ci.yml";

    /// <summary>Default image of every job; null leaves it to the runner.</summary>
    public string? Image { get; init; }

    /// <summary>
    /// The build parameters that take the project's container registry when the team sets no registry
    /// (<see cref="CiConfiguration.UseGitLabContainerRegistry"/>); null when the file does not fall back to it.
    /// </summary>
    public GitLabContainerRegistry? ContainerRegistry { get; init; }
}

/// <summary>Build parameters (by name) that receive GitLab's container registry, its job credentials and the project's image path.</summary>
/// <param name="Registry">Receives <c>CI_REGISTRY</c>.</param>
/// <param name="UserName">Receives <c>CI_REGISTRY_USER</c>.</param>
/// <param name="Password">Receives <c>CI_REGISTRY_PASSWORD</c> (the job token: valid only while the job runs).</param>
/// <param name="Repository">Receives the project's path in the registry (<c>CI_REGISTRY_IMAGE</c> without the host).</param>
public sealed record GitLabContainerRegistry(string Registry, string UserName, string Password, string Repository);

/// <summary>Azure Pipelines file options.</summary>
public sealed record AzureOptions
{
    /// <summary>The file's path relative to the root.</summary>
    public string Path { get; init; } = "azure-pipelines.yml";

    /// <summary>Microsoft-hosted agent image (<c>pool: vmImage:</c>).</summary>
    public string? VmImage { get; init; } = "ubuntu-latest";

    /// <summary>Self-hosted agent pool name (<c>pool: name:</c>); wins over <see cref="VmImage"/>.</summary>
    public string? PoolName { get; init; }

    /// <summary>
    /// The .NET SDK version every job installs (<c>UseDotNet@2</c> <c>version:</c>), e.g. the one <c>global.json</c>
    /// names; null installs from the checkout's <c>global.json</c> (<c>useGlobalJson: true</c>) instead.
    /// </summary>
    public string? DotNetSdkVersion { get; init; }
}
