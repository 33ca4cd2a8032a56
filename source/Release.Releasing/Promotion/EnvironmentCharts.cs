using Release.Delivery.Chart;
using Release.Process.Promotion;
using Release.Process.Versioning;
using Release.SemVer;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;
using Release.Oci;

namespace Release.Releasing.Promotion;

/// <summary>
/// Where a release's chart lives in an environment: <c>REGISTRY/ENV/charts/MODULE</c> under the release's immutable
/// tag (the image's tag, <c>VERSION_gSHA</c>), and its chart version (<c>VERSION+gSHA</c>). A promotion or rollback acts
/// on a release from the release records, possibly in a pipeline of another commit, so the tag comes from what the
/// signed record holds (version and commit) by the same rule Clone applies (<see cref="ChartVersion"/>), not from
/// this pipeline's <c>source.json</c>.
/// </summary>
/// <param name="build">The build.</param>
/// <param name="registry">The registry of the environment repositories.</param>
/// <param name="version">The release version.</param>
/// <param name="commit">The release's commit (at least 7 characters).</param>
internal sealed class EnvironmentCharts(IPromote build, string registry, SemanticVersion version, string commit)
{
    private readonly ChartVersion _chartVersion = ChartVersion.From(version, commit[..7]);

    /// <summary>The immutable tag of the release's image and chart in every environment.</summary>
    public string Tag => _chartVersion.ToOciTag();

    /// <summary>The chart's repository in an environment.</summary>
    public string Repository(DeploymentEnvironment environment) => build.EnvironmentChartRepository(environment);

    /// <summary>The chart of this release in an environment, pinned to <paramref name="digest"/>.</summary>
    public ChartLocation In(DeploymentEnvironment environment, string digest) =>
        new(new OciReference(registry, Repository(environment), digest: digest), _chartVersion.ToString());

    /// <summary>The digest the release's tag has in an environment's chart repository, or null when it is not there.</summary>
    public async Task<string?> DigestInAsync(DeploymentEnvironment environment, string stage, CancellationToken ct)
    {
        using var client = build.RegistryConnections.Target(registry);
        var repository = Repository(environment);
        var digest = await RegistryErrors.Explain(stage, $"resolving {registry}/{repository}:{Tag}", "--promotion-registry",
            () => client.ResolveDigestAsync(repository, Tag, ct));
        return digest?.ToString();
    }
}
