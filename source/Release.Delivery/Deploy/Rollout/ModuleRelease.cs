using Release.Delivery.Chart;
using Release.Delivery.Push;
using Release.Oci;
using Release.Pipeline.References;

namespace Release.Delivery.Deploy.Rollout;

/// <summary>One module's release as an application rollout deploys it (and as its record remembers it, to go back to).</summary>
/// <param name="Module">The module's name.</param>
/// <param name="Version">The release's version.</param>
/// <param name="Commit">The commit it was built from (short form).</param>
/// <param name="Image">The image by digest, or null when the module runs as a published process.</param>
/// <param name="PublishDirectory">The published app, for process deployments; null otherwise.</param>
/// <param name="Chart">The chart by digest (helm, GitOps), or null.</param>
/// <param name="HealthPath">The module's health endpoint, e.g. <c>/health</c>.</param>
internal sealed record ModuleRelease(
    string Module, string Version, string Commit, OciReference? Image, string? PublishDirectory, ChartLocation? Chart, string HealthPath)
{
    /// <summary>The release's own settings (environment variables); they win over the dependency addresses a rollout sets.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>What tells two releases apart: the image digest, else the chart digest, else the version.</summary>
    public string Identity => Image?.Digest ?? Chart?.Digest ?? Version;
}
