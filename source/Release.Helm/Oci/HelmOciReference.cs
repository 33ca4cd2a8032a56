using Release.Helm.Charts;
using Release.Helm.Versioning;

namespace Release.Helm.Oci;

/// <summary>
/// Where a chart version lives in an OCI registry, following Helm's convention: pushing to <c>oci://REGISTRY/PATH</c>
/// stores chart NAME at repository <c>PATH/NAME</c>, tagged with the version in which <c>+</c> (not allowed in OCI tags)
/// becomes <c>_</c>.
/// </summary>
/// <param name="Registry">The registry host and optional port, e.g. <c>registry.local:5000</c>.</param>
/// <param name="Repository">The repository path including the chart name, e.g. <c>charts/order-router</c>.</param>
/// <param name="Tag">The OCI tag for the version.</param>
public sealed record HelmOciReference(string Registry, string Repository, string Tag)
{
    /// <summary>The reference for chart <paramref name="chartName"/> at <paramref name="version"/> under <paramref name="ociBase"/>.</summary>
    /// <param name="ociBase">The push target, <c>oci://REGISTRY[/PATH]</c>.</param>
    /// <param name="chartName">The chart name.</param>
    /// <param name="version">The chart version (SemVer 2).</param>
    /// <exception cref="FormatException">The base is not <c>oci://…</c>, or the name or version is invalid.</exception>
    public static HelmOciReference For(string ociBase, string chartName, string version)
    {
        const string scheme = "oci://";
        if (!ociBase.StartsWith(scheme, StringComparison.Ordinal) || ociBase.Length == scheme.Length)
            throw new FormatException($"OCI base '{ociBase}' must look like 'oci://registry.local:5000/charts'.");
        if (!ChartName.IsValid(chartName))
            throw new FormatException($"Chart name '{chartName}' is not valid; use '{ChartName.Suggest(chartName)}'.");
        var path = ociBase[scheme.Length..].TrimEnd('/');
        var slash = path.IndexOf('/');
        var registry = slash < 0 ? path : path[..slash];
        var repository = slash < 0 ? chartName : $"{path[(slash + 1)..]}/{chartName}";
        return new HelmOciReference(registry, repository, TagForVersion(version));
    }

    /// <summary>The OCI tag Helm uses for a chart version: the version with <c>+</c> replaced by <c>_</c>.</summary>
    /// <exception cref="FormatException">The version is not SemVer 2 (with the fix).</exception>
    public static string TagForVersion(string version)
        => HelmVersion.Parse(version, "chart version").ToString().Replace('+', '_');

    /// <summary>The chart version an OCI tag stands for (<c>_</c> back to <c>+</c>).</summary>
    public static string VersionFromTag(string tag) => tag.Replace('_', '+');

    /// <summary>The repository URL without tag, as Flux's OCIRepository and <c>helm pull</c> expect: <c>oci://REGISTRY/REPOSITORY</c>.</summary>
    public string Url => $"oci://{Registry}/{Repository}";

    /// <summary>The config blob content for the chart's OCI manifest (see <see cref="HelmOciConfig"/>).</summary>
    public static byte[] ConfigJson(ChartMetadata metadata) => HelmOciConfig.Serialize(metadata);

    /// <summary><c>REGISTRY/REPOSITORY:TAG</c>.</summary>
    public override string ToString() => $"{Registry}/{Repository}:{Tag}";
}
