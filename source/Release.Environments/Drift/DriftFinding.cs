namespace Release.Environments.Drift;

/// <summary>One drift: where an environment is not what its declared state says, and the command that repairs it.</summary>
/// <param name="Kind">Which comparison found it (<c>configuration</c>: the GitOps repository against the source's rendering).</param>
/// <param name="Environment">The environment.</param>
/// <param name="Module">The module, or <c>-</c> for an environment-wide file.</param>
/// <param name="Field">The file and field, e.g. <c>environments/staging/config/gateway.yaml data.LOG_LEVEL</c>.</param>
/// <param name="Expected">What the declared state says.</param>
/// <param name="Found">What was found.</param>
/// <param name="Repair">The command that brings the environment back to its declared state.</param>
public sealed record DriftFinding(string Kind, string Environment, string Module, string Field, string Expected, string Found, string Repair);
