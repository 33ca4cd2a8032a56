using Release.Delivery.Chart;
using Release.Delivery.Common;
using Release.Delivery.Deploy.GitOps;
using Release.Delivery.Deploy.Helm;
using Release.Delivery.Deploy.Local;
using Release.Delivery.Deploy.Notify;
using Release.Delivery.Push;
using Release.Engine;
using Release.Stages.Pipeline;

namespace Release.Delivery.Deploy;

/// <summary>What the Deploy target does: select the environment, deploy with its deployer, record, notify.</summary>
internal sealed class DeployStage(IDeploy build)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var environment = Select(build);
        var paths = build.Paths;
        var source = await DeliveryRecords.TryReadSourceAsync(paths, ct);
        if (!environment.Accepts(source?.Branch))
            throw new InvalidOperationException(
                $"Deploy: environment '{environment.Name}' is fed by branch '{environment.Branch}', but this build is of " +
                $"'{source?.Branch ?? "(detached)"}'. Deploy a build of '{environment.Branch}', or change the environment's declaration.");

        var request = await RequestAsync(environment, source, ct);
        IDeployer deployer = environment.Deployer switch
        {
            Deployers.Local => new LocalDeployer(build),
            Deployers.GitOps => new GitOpsDeployer(build),
            Deployers.Helm => new HelmDeployer(build),
            _ => throw new InvalidOperationException(
                $"Deploy: environment '{environment.Name}' names the deployer '{environment.Deployer}', which does not exist. " +
                $"Use one of: {string.Join(", ", Deployers.All)}."),
        };
        build.Log.Information($"Deploying {request.Module} {request.Version} to {environment} as {request.DeployedBy}");
        // The previous record is replaced only after a successful deployment: after a failure it still describes
        // what is deployed (the previous instance stays).
        var outcome = await deployer.DeployAsync(request, ct);
        build.Log.Information($"Deployed: {outcome.Detail}");

        await StageRecord.WriteAsync(paths.DeploymentRecord(environment.Name), new DeploymentRecord(environment.Name, environment.Deployer,
            outcome.Url, request.Version, request.Image?.Digest ?? "", request.DeployedBy, DateTimeOffset.UtcNow), ct);
        build.ReportSummary("environment", environment.Name);
        build.ReportSummary("url", outcome.Url);
        await NotifyAsync(new DeploymentNotice(request.Module, request.Version, environment.Name, request.Commit, request.DeployedBy, outcome.Url), ct);
    }

    /// <summary>The environment named by --environment (default: the first declared); an undeclared one lists the declared ones.</summary>
    public static EnvironmentDefinition Select(IDeploy build)
    {
        var declared = build.Environments.ToList();
        if (declared.Count == 0)
            throw new InvalidOperationException("Deploy: the build declares no environments. Override IDeploy.Environments in the build class.");
        var duplicate = declared.GroupBy(e => e.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"Deploy: the environment '{duplicate.Key}' is declared {duplicate.Count()} times in Environments; names must be unique.");
        var name = string.IsNullOrWhiteSpace(build.Environment) ? declared[0].Name : build.Environment.Trim();
        return declared.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException(
                $"Deploy: the environment '{name}' is not declared. Declared environments: {string.Join(", ", declared.Select(e => e.Name))}. " +
                "Pass one of them with --environment, or declare it in the build's Environments.");
    }

    private async Task<DeploymentRequest> RequestAsync(EnvironmentDefinition environment, SourceRecord? source, CancellationToken ct)
    {
        var paths = build.Paths;
        var push = paths.PushRecord.FileExists() ? await DeliveryRecords.ReadPushAsync(paths, ct) : null;
        var image = paths.ImageRecord.FileExists() ? await DeliveryRecords.ReadImageAsync(paths, ct) : null;
        var chart = paths.ChartRecord.FileExists() ? await StageRecord.ReadAsync<ChartStageRecord>(paths.ChartRecord, "Chart", ct) : null;
        var location = push is not null ? new ImageLocation(push.Registry, push.Repository, push.Digest)
            : image is not null ? new ImageLocation(image.Registry, image.Repository, image.Digest) : null;
        var version = source?.Version ?? chart?.AppVersion ?? push?.Tag ?? image?.Tag
            ?? throw new InvalidOperationException($"Deploy: nothing to deploy: {paths.SourceRecord}, {paths.PushRecord} and {paths.ImageRecord} are all missing. Run Clone, Build and Push first.");
        return new DeploymentRequest(environment, build.Module, version, source?.ShortCommit ?? "unknown", Who(),
            location, string.IsNullOrEmpty(image?.PublishDirectory) ? null : image.PublishDirectory, chart, build.HealthPath);
    }

    private string Who() =>
        new[] { build.DeployedBy, Env("GITLAB_USER_LOGIN"), Env("BUILD_REQUESTEDFOR"), Env("USER") }
            .FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim() ?? "unknown";

    private string? Env(string name) => build.Context.Environment.GetValueOrDefault(name);

    // A notification is a courtesy: its failure is reported but never fails a deployment that succeeded.
    private async Task NotifyAsync(DeploymentNotice notice, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(build.SlackWebhook)) return;
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
            await new SlackNotifier(http).NotifyAsync(build.SlackWebhook, notice, ct);
            build.Log.Information("Slack notified");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or UriFormatException or InvalidOperationException && !ct.IsCancellationRequested)
        {
            build.Log.Warning($"The Slack notification failed ({e.Message}); the deployment itself succeeded.");
        }
    }
}
