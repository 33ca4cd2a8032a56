namespace Release.Environments.Rendering;

/// <summary>
/// The environment GitOps repository as the configuration source renders it: relative path (with <c>/</c>) to
/// content, sorted ordinally, same source, same bytes. Each file belongs to one environment. A module's
/// <c>ocirepository.yaml</c> and <c>image-values.yaml</c> belong to the deployer once they exist (the promoted chart
/// digest and image): checks skip them.
/// </summary>
public sealed class RenderedRepository
{
    internal RenderedRepository(IReadOnlyDictionary<string, string> files, IReadOnlyDictionary<string, string> environmentOf)
    {
        Files = files;
        _environmentOf = environmentOf;
    }

    private readonly IReadOnlyDictionary<string, string> _environmentOf;

    /// <summary>Relative path to content, sorted ordinally.</summary>
    public IReadOnlyDictionary<string, string> Files { get; }

    /// <summary>The environments rendered.</summary>
    public IReadOnlyList<string> Environments => [.. _environmentOf.Values.Distinct().Order(StringComparer.Ordinal)];

    /// <summary>The environment a rendered file belongs to.</summary>
    public string EnvironmentOf(string path) => _environmentOf[path];

    /// <summary>The environment a path belongs to (rendered, or under an environment's folder), or null.</summary>
    public string? EnvironmentOrNull(string path) =>
        _environmentOf.TryGetValue(path, out var environment) ? environment
        : Environments.FirstOrDefault(e => path.StartsWith(FolderOf(e) + "/", StringComparison.Ordinal));

    /// <summary>The folders each environment's files live in (a file found there but not rendered is stale).</summary>
    public static string FolderOf(string environment) => $"environments/{environment}";

    /// <summary>The Flux Kustomization file of an environment.</summary>
    public static string KustomizationOf(string cluster, string environment) => $"clusters/{cluster}/{environment}.yaml";

    /// <summary>True for a file the deployer owns once it exists (the chart pin, the image values); rendering writes it only when missing.</summary>
    public static bool IsDeployerOwned(string path) =>
        Release.Helm.Flux.FluxManifestWriter.DeploymentFileNames.Any(name => path.EndsWith("/" + name, StringComparison.Ordinal));
}
