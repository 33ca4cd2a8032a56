using Release.Delivery.Chart;
using Release.Process.Approvals;
using Release.Process.Promotion;
using Release.Process.Versioning;
using Release.SemVer;
using Release.Releasing.Common;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;
using Release.Oci;

namespace Release.Releasing.Promotion;

/// <summary>
/// Where a release's chart lives in an environment: <c>REGISTRY/ENV/charts/MODULE</c> under the release's immutable
/// tag (the image's tag, <c>VERSION_gSHA</c>), and its chart version (<c>VERSION+gSHA</c>). A promotion or rollback acts
/// on a release from the release records, possibly in a pipeline of another commit, so the tag is the one Clone
/// computed and OpenRelease wrote into the signed record (<see cref="ReleaseCreated.ImageTag"/>), not this pipeline's
/// <c>source.json</c>. Records opened before the tag was recorded get it by the rule Clone applied then
/// (<see cref="ChartVersion.From"/> of the version and the 7-character commit).
/// </summary>
/// <param name="build">The build.</param>
/// <param name="registry">The registry of the environment repositories.</param>
/// <param name="created">The release's creation event, as signed.</param>
internal sealed class EnvironmentCharts(IPromote build, string registry, ReleaseCreated created)
{
    private readonly ChartVersion _chartVersion = ChartVersionOf(created);

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
            () => client.ResolveDigestAsync(repository, Tag, ct)).ConfigureAwait(false);
        return digest?.ToString();
    }

    private static ChartVersion ChartVersionOf(ReleaseCreated created)
    {
        var version = SemanticVersion.Parse(created.Version, "the release record's version");
        if (created.ImageTag is null) return ChartVersion.From(version, created.Commit[..7]);
        ChartVersion recorded;
        try { recorded = ChartVersion.Parse(created.ImageTag); }
        catch (FormatException e)
        {
            throw new ReleaseRefusedException($"The release record of {created.Version} holds image tag '{created.ImageTag}', which is not a tag " +
                "Clone " +
                $"computes ({e.Message}). OpenRelease did not write this: restore the record from the records repository's history.", e);
        }
        if (!recorded.AppVersion.Equals(version) || !created.Commit.StartsWith(recorded.Sha, StringComparison.OrdinalIgnoreCase))
            throw new ReleaseRefusedException($"The release record of {created.Version} (commit {created.Commit[..7]}) holds image tag " +
                $"'{created.ImageTag}', which names another version or commit. OpenRelease did not write this: restore the record from the " +
                "records repository's history.");
        return recorded;
    }
}
