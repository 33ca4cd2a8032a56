using k8s;
using Release.Engine;
using Release.Environments.Rendering;

namespace Release.Environments.Drift;

/// <summary>
/// Runs <see cref="ClusterDrift"/> for every GitOps environment: the kubeconfig context named like the environment's
/// cluster, the repository's pinned images and committed ConfigMaps as what should run.
/// </summary>
public static class ClusterReads
{
    /// <summary>Every runtime finding of every GitOps environment of <paramref name="environments"/>.</summary>
    /// <param name="environments">The configuration source.</param>
    /// <param name="repositoryRoot">A checkout of the environment repository.</param>
    /// <param name="kubeconfig">A kubeconfig holding one context per cluster name.</param>
    /// <param name="fluxNamespace">Where the environments' Flux Kustomizations live.</param>
    /// <param name="ct">Cancellation.</param>
    public static async Task<IReadOnlyList<DriftFinding>> FindingsAsync(CheckedEnvironments environments, string repositoryRoot, string kubeconfig,
        string fluxNamespace, CancellationToken ct)
    {
        if (!File.Exists(kubeconfig))
            throw new BuildInputException(
                $"Drift: --kubeconfig {kubeconfig} does not exist. Pass a kubeconfig with a context for each cluster ({Clusters(environments)}).");
        var findings = new List<DriftFinding>();
        foreach (var environment in environments.Environments.Where(e => e.IsGitOps))
        {
            KubernetesClientConfiguration configuration;
            try
            {
                configuration = await KubernetesClientConfiguration.BuildConfigFromConfigFileAsync(
                    new FileInfo(kubeconfig),
                    currentContext: environment.Cluster).ConfigureAwait(false);
            }
            catch (k8s.Exceptions.KubeConfigException e)
            {
                throw new BuildInputException($"Drift: {kubeconfig} has no usable context '{environment.Cluster}' (cluster of environment " +
                    $"'{environment.Name}' declared at {environment.Site.Describe(environments.Root)}): {e.Message}. " +
                                              $"Add a context named after each cluster ({Clusters(environments)}).");
            }
            using var cluster = new Kubernetes(configuration);
            var pinned = PinnedImage.Read(repositoryRoot, environment.Name);
            var expected = environments.Application.Graph.Order.Select(module => new ClusterExpectation(module,
                pinned.TryGetValue(module, out var image) ? image.Reference : null,
                ConfigData(repositoryRoot, environment.Name, module))).ToList();
            findings.AddRange(
                await ClusterDrift.FindingsAsync(cluster, environment.Name, environment.Namespace, expected, fluxNamespace,
                    ct).ConfigureAwait(false));
        }
        return findings;
    }

    private static string Clusters(CheckedEnvironments environments) =>
        string.Join(", ", environments.Environments.Where(e => e.IsGitOps).Select(e => e.Cluster).Distinct().Order(StringComparer.Ordinal));

    private static IReadOnlyDictionary<string, string>? ConfigData(string root, string environment, string module)
    {
        var file = Path.Combine(root, "environments", environment, "config", $"{module}.yaml");
        return File.Exists(file) ? ModuleConfigMap.DataOf(File.ReadAllText(file)) : null;
    }
}
