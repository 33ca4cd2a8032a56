using Release.Delivery.Chart;
using Release.Delivery.Deploy.Local;
using Release.Delivery.Push;
using Release.Engine;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;

namespace Release.Delivery.Deploy;

/// <summary>
/// The Deploy stage: deploys the pushed image (and chart) to one of the environments the build declares in
/// <see cref="Environments"/>, with that environment's deployer (local, gitops or helm); records
/// <c>artifacts/deploy/&lt;env&gt;.json</c> and notifies Slack. A local deployment runs until the build ends
/// (so Integrate can test it), or longer with <c>--keep-running</c>.
/// </summary>
public interface IDeploy : IPipeline
{
    /// <summary>The environments this build deploys to; the first is the default. Override in the build class.</summary>
    IEnumerable<EnvironmentDefinition> Environments => [new("local", Deployers.Local, "default", "*")];

    /// <summary>The environment to deploy to.</summary>
    [Parameter("Environment to deploy to (default: the first one the build declares)")]
    string? Environment => TryGetValue(() => Environment);

    /// <summary>The GitOps environment repository (URL or path).</summary>
    [Parameter("Environment git repository for the gitops deployer: URL or path"), NotEmpty]
    string? GitopsRepository => TryGetValue(() => GitopsRepository);

    /// <summary>The branch of the GitOps repository Flux watches.</summary>
    [Parameter("Branch of the GitOps repository (default main)"), NotEmpty]
    string GitopsBranch => TryGetValue(() => GitopsBranch) ?? "main";

    /// <summary>A Slack incoming webhook URL; masked everywhere.</summary>
    [Parameter("Slack incoming webhook notified after a deployment"), Secret]
    string? SlackWebhook => TryGetValue(() => SlackWebhook);

    /// <summary>Keep a local deployment running after the build ends (stop it later with Undeploy).</summary>
    [Parameter("Keep the local deployment running after the build")]
    bool KeepRunning => TryGetValue(() => KeepRunning);

    /// <summary>Who deploys; defaults to the CI user or the OS user.</summary>
    [Parameter("Who deploys (default: GITLAB_USER_LOGIN, BUILD_REQUESTEDFOR or USER)")]
    string? DeployedBy => TryGetValue(() => DeployedBy);

    /// <summary>How local deployments run: auto (podman, else docker, else installs podman, else a process), podman, docker or process.</summary>
    [Parameter("How to run local deployments: auto, podman, docker or process"), OneOf(["auto", "podman", "docker", "process"], ignoreCase: true)]
    string LocalRuntime => TryGetValue(() => LocalRuntime) ?? "auto";

    /// <summary>Seconds to wait for health (local) or readiness (helm).</summary>
    [Parameter("Seconds to wait for the deployment to become healthy (default 120 local, 300 helm)"), Range(1, 86400)]
    int? HealthTimeout => TryGetValue(() => HealthTimeout);

    /// <summary>The module's health endpoint.</summary>
    [Parameter("Health endpoint of the module (default /health)"), Pattern(ParameterForms.HttpPath, ParameterForms.HttpPathText)]
    string HealthPath => TryGetValue(() => HealthPath) ?? "/health";

    /// <summary>Where local deployments are remembered between runs.</summary>
    AbsolutePath LocalStateDirectory => RootDirectory / ".nuke" / "temp" / "deploy";

    /// <summary>
    /// Deploys a given release — image and chart by digest — to the declared environment <paramref name="environment"/>
    /// through that environment's deployer (local, gitops or helm), exactly as the Deploy target would: writes
    /// <c>artifacts/deploy/&lt;env&gt;.json</c> and notifies Slack. This build's stage records are not read, and the
    /// environment's branch is not checked: the caller (e.g. the release process's Promote and Rollback) decides
    /// what may go where.
    /// </summary>
    /// <param name="environment">The name of a declared environment (see <see cref="Environments"/>).</param>
    /// <param name="release">What to deploy, and who deploys it.</param>
    /// <param name="cancellationToken">Cancels the deployment.</param>
    /// <returns>Where the deployment is reached and what was done (e.g. the GitOps commit).</returns>
    /// <exception cref="InvalidOperationException">Undeclared environment, invalid digests or a failed deployment; the message names the place and
    /// the fix.</exception>
    Task<DeploymentOutcome> DeployReleaseAsync(string environment, ReleaseToDeploy release, CancellationToken cancellationToken = default) =>
        new DeployStage(this).DeployReleaseAsync(environment, release, cancellationToken);

    /// <summary>Deploys to the selected environment.</summary>
    Target Deploy => _ => _
        .Description("Deploys the pushed image and chart to --environment (local, gitops or helm) and notifies Slack")
        .TryDependsOn<IChart>(x => x.Chart)
        .TryDependsOn<IPush>(x => x.Push)
        .Produces(Paths.Glob("deploy/*.json"), "artifacts/verify/*")
        .Executes(ct => new DeployStage(this).RunAsync(ct));

    /// <summary>Stops a local deployment an earlier run left running with --keep-running.</summary>
    Target Undeploy => _ => _
        .Description("Stops the local deployment of --environment that an earlier run left running (--keep-running)")
        .Executes(async ct =>
        {
            var environment = DeployStage.Select(this);
            if (!await LocalDeployments.StopRememberedAsync(LocalStateDirectory, $"{Module}-{environment.Name}", Processes, Log.Information, ct)
                .ConfigureAwait(false))
                Log.Information($"No local deployment of {Module} in '{environment.Name}' is running.");
        });
}
