using Release.Process.Applications.Releases;

namespace Release.Releasing.Sets;

/// <summary>
/// Where an application release's modules live in an environment: the one-module layout of
/// <see cref="Promotion.IPromote.EnvironmentRepository"/> and <see cref="Promotion.IPromote.EnvironmentChartRepository"/>
/// (<c>ENV/MODULE</c>, <c>ENV/charts/MODULE</c>) for each module of the set, and an immutable tag per pinned artefact.
/// </summary>
internal static class SetRepositories
{
    /// <summary>The repository of <paramref name="module"/>'s images in <paramref name="environment"/>.</summary>
    public static string Image(string environment, string module) => $"{environment}/{module}";

    /// <summary>The repository of <paramref name="module"/>'s charts in <paramref name="environment"/> (the chart's name stays the module).</summary>
    public static string Chart(string environment, string module) => $"{environment}/charts/{module}";

    /// <summary>
    /// The immutable tag of a pinned image or chart: the module's version (<c>+</c> is not allowed in a tag) and the
    /// digest's first 12 hex digits, so a chart-only change of a version gets a tag of its own.
    /// </summary>
    public static string Tag(ModulePin pin, bool chart) =>
        $"{pin.Version.ToString().Replace('+', '_')}_{(chart ? pin.ChartDigest : pin.ImageDigest).Hex[..12]}";
}
