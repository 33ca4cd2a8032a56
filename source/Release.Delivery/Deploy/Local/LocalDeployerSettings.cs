using Release.Engine;
using Release.Oci;
using Release.Tooling.Processes;

namespace Release.Delivery.Deploy.Local;

/// <summary>What the local deployer works with, read from the build's parameters (or given by an application rollout's host).</summary>
/// <param name="Deployments">The run's local deployments: which instance is current per module and environment.</param>
/// <param name="Runtime"><c>auto</c>, <c>podman</c>, <c>docker</c> or <c>process</c> (<c>--local-runtime</c>).</param>
/// <param name="Credentials">The registry credentials for pulling the image, or null.</param>
/// <param name="Log">Where progress goes.</param>
/// <param name="Environment">The build's environment variables (<c>DOCKER_HOST</c>).</param>
/// <param name="HealthTimeout">How long a new instance has to answer its health endpoint.</param>
/// <param name="KeepRunning">Whether instances outlive the run (<c>--keep-running</c>), for the log line.</param>
/// <param name="Processes">What starts podman, docker or the module's process.</param>
internal sealed record LocalDeployerSettings(
    LocalDeployments Deployments, string Runtime, RegistryCredentials? Credentials, IBuildLog Log,
    IReadOnlyDictionary<string, string> Environment, TimeSpan HealthTimeout, bool KeepRunning, IProcessRunner Processes);
