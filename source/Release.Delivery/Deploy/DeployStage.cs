using Release.Delivery.Chart;
using Release.Delivery.Deploy.GitOps;
using Release.Delivery.Deploy.Helm;
using Release.Delivery.Deploy.Local;
using Release.Delivery.Deploy.Notify;
using Release.Delivery.Push;
using Release.Delivery.Verify;
using Release.Engine;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;

namespace Release.Delivery.Deploy;

/// <summary>What the Deploy target does: select the environment, deploy with its deployer, record, notify.</summary>
internal sealed class DeployStage(IDeploy build)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var environment = Select(build);
        var source = await PipelineRecords.TryReadSourceAsync(build.Paths, ct).ConfigureAwait(false);
        if (!environment.Accepts(source?.Branch))
            throw new BuildInputException(
                $"Deploy: environment '{environment.Name}' is fed by branch '{environment.Branch}', but this build is of " +
                $"'{source?.Branch ?? "(detached)"}'. Deploy a build of '{environment.Branch}', or change the environment's declaration.");

        await DeployAsync(await RequestAsync(environment, source, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Deploys a given release (not this build's stage records) to a declared environment with its deployer, records
    /// and notifies like the Deploy target. The environment's branch is not checked: the caller's rules decide.
    /// </summary>
    public async Task<DeploymentOutcome> DeployReleaseAsync(string environmentName, ReleaseToDeploy release, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(release);
        if (string.IsNullOrWhiteSpace(environmentName))
            throw new BuildInputException(
                $"Deploy: no environment was named for {build.Module} {release.Version}; name one of the build's Environments.");
        var environment = Select(build, environmentName);
        try
        {
            release.Image.RequireDigest();
            release.Chart.Validate();
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException(
                $"Deploy: the release {build.Module} {release.Version} for '{environment.Name}' cannot be deployed: {e.Message}",
                e);
        }
        if (string.IsNullOrWhiteSpace(release.Version) || string.IsNullOrWhiteSpace(release.DeployedBy))
            throw new InvalidOperationException(
                $"Deploy: the release of {build.Module} for '{environment.Name}' needs a version and who deploys it (got '{release.Version}', " +
                    $"'{release.DeployedBy}').");
        var request = new DeploymentRequest(environment, build.Module, release.Version.Trim(), release.Commit, release.DeployedBy.Trim(),
            release.Image, null, release.Chart, build.HealthPath);
        return await DeployAsync(request, ct).ConfigureAwait(false);
    }

    // A build with sanity checks (IVerifyDeployment) checks every deployment right after it and rolls a failing one back.
    private async Task<DeploymentOutcome> DeployAsync(DeploymentRequest request, CancellationToken ct)
    {
        var outcome = await DeployAndRecordAsync(request, true, ct).ConfigureAwait(false);
        if (build is IVerifyDeployment verify)
            await new DeploymentVerifier(verify, DeployAndRecordAsync, NotifyAsync).AfterDeployAsync(request, outcome, ct).ConfigureAwait(false);
        return outcome;
    }

    /// <summary>Deploys with the environment's deployer, records the deployment and (unless told not to) notifies; no checks.</summary>
    internal async Task<DeploymentOutcome> DeployAndRecordAsync(DeploymentRequest request, bool notify, CancellationToken ct)
    {
        var environment = request.Environment;
        var deployer = DeployerFor(build, environment);
        build.Log.Information($"Deploying {request.Module} {request.Version} to {environment} as {request.DeployedBy}");
        // The previous record is replaced only after a successful deployment: after a failure it still describes
        // what is deployed (the previous instance stays).
        var outcome = await deployer.DeployAsync(request, ct).ConfigureAwait(false);
        build.Log.Information($"Deployed: {outcome.Detail}");

        await StageRecord.WriteAsync(build.Paths.DeploymentRecord(environment.Name), new DeploymentRecord(environment.Name, environment.Deployer,
            outcome.Url, request.Version, request.Image?.Digest ?? "", request.DeployedBy, build.Context.Clock
                .GetUtcNow()), ct).ConfigureAwait(false);
        build.ReportSummary("environment", environment.Name);
        build.ReportSummary("url", outcome.Url);
        if (notify) await NotifyAsync(
            new DeploymentNotice(request.Module, request.Version, environment.Name, request.Commit, request.DeployedBy, outcome.Url),
            ct).ConfigureAwait(false);
        return outcome;
    }

    /// <summary>The deployer an environment names; an unknown name is a definition error listing the known ones.</summary>
    internal static IDeployer DeployerFor(IDeploy build, EnvironmentDefinition environment) => environment.Deployer switch
    {
        Deployers.Local => new LocalDeployer(build),
        Deployers.GitOps => new GitOpsDeployer(build),
        Deployers.Helm => new HelmDeployer(build),
        _ => throw new BuildDefinitionException(
            $"Deploy: environment '{environment.Name}' names the deployer '{environment.Deployer}', which does not exist. " +
            $"Use one of: {string.Join(", ", Deployers.All)}."),
    };

    /// <summary>The environment named by --environment (default: the first declared); an undeclared one lists the declared ones.</summary>
    public static EnvironmentDefinition Select(IDeploy build) => Select(build, build.Environment);

    /// <summary>The declared environment <paramref name="name"/> (default: the first declared); an undeclared one lists the declared ones.</summary>
    public static EnvironmentDefinition Select(IDeploy build, string? name)
    {
        var declared = build.Environments.ToList();
        if (declared.Count == 0)
            throw new BuildDefinitionException("Deploy: the build declares no environments. Override IDeploy.Environments in the build class.");
        var duplicate = declared.GroupBy(e => e.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new BuildDefinitionException(
                $"Deploy: the environment '{duplicate.Key}' is declared {duplicate.Count()} times in Environments; names must be unique.");
        var wanted = string.IsNullOrWhiteSpace(name) ? declared[0].Name : name.Trim();
        return declared.FirstOrDefault(e => string.Equals(e.Name, wanted, StringComparison.OrdinalIgnoreCase))
            ?? throw new BuildInputException(
                $"Deploy: the environment '{wanted}' is not declared. Declared environments: {string.Join(", ", declared.Select(e => e.Name))}. " +
                "Pass one of them with --environment, or declare it in the build's Environments.");
    }

    private async Task<DeploymentRequest> RequestAsync(EnvironmentDefinition environment, SourceRecord? source, CancellationToken ct)
    {
        var paths = build.Paths;
        var push = paths.PushRecord.FileExists() ? await PipelineRecords.ReadPushAsync(build, ct).ConfigureAwait(false) : null;
        var image = paths.ImageRecord.FileExists() ? await PipelineRecords.ReadImageAsync(build, ct).ConfigureAwait(false) : null;
        var chart = paths.ChartRecord.FileExists() ? await PipelineRecords.TryReadChartAsync(paths, ct).ConfigureAwait(false) : null;
        var location = push is not null ? push.Image.ByDigest()
            : image is not null ? image.Image.ByDigest() : null;
        var version = source?.Version ?? chart?.AppVersion ?? push?.Tag ?? image?.Tag
            ?? throw new BuildInputException($"Deploy: nothing to deploy: {paths.SourceRecord}, {paths.PushRecord} and {paths.ImageRecord} are all " +
                "missing. Run Clone, Build and Push first.");
        return new DeploymentRequest(environment, build.Module, version, source?.ShortCommit ?? "unknown", Who(build),
            location, string.IsNullOrEmpty(image?.PublishDirectory) ? null : image.PublishDirectory, chart is null
                ? null
                : ChartLocation.From(chart), build.HealthPath);
    }

    // The operating system's user name is the last resort: a container or service without USER still has an account.
    internal static string Who(IDeploy build) =>
        new[]
        {
            build.DeployedBy, build.Context.Environment.GetValueOrDefault("GITLAB_USER_LOGIN"), build.Context.Environment
                .GetValueOrDefault("BUILD_REQUESTEDFOR"),
            build.Context.Environment.GetValueOrDefault("USER"), System.Environment.UserName,
        }.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim() ?? "unknown";

    // A notification is a courtesy: its failure is reported but never fails a deployment that succeeded.
    internal Task NotifyAsync(DeploymentNotice notice, CancellationToken ct) =>
        WebhookNotices.PostAsync(build, notice, "the deployment itself succeeded", ct);
}
