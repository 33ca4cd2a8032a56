namespace Release.Environments.Drift;

/// <summary>What the environment repository declares for one module of one environment, as a cluster should run it.</summary>
/// <param name="Module">The module: its Deployment and HelmRelease carry this name, its ConfigMap is <c>MODULE-config</c>.</param>
/// <param name="Image">The image the repository pins (<c>repository@sha256:...</c>), or null when it pins none.</param>
/// <param name="ConfigData">The module's ConfigMap data as the repository holds it, or null when it has none.</param>
public sealed record ClusterExpectation(string Module, string? Image, IReadOnlyDictionary<string, string>? ConfigData);
