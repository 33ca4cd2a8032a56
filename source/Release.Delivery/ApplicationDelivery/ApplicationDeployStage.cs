using Release.Applications;
using Release.Delivery.Deploy;
using Release.Delivery.Deploy.GitOps;
using Release.Delivery.Deploy.Rollout;
using Release.Engine;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;

namespace Release.Delivery.ApplicationDelivery;

/// <summary>
/// What DeployApplication does: read every module's Push, Build and Chart records, skip when the set runs already and
/// was tested green, else roll it out (local, helm) or commit it (GitOps), and record each module's deployment.
/// </summary>
internal sealed class ApplicationDeployStage(IDeployApplication build)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var application = build.Application;
        var environment = DeployStage.Select(build);
        var deployed = new DeployedApplication(build, environment);
        var who = DeployStage.Who(build);
        var releases = new List<(ModuleRelease Release, PipelinePaths Paths)>();
        foreach (var module in application.Graph.Order)
            releases.Add(await ReleaseOfAsync(application, module, environment, ct).ConfigureAwait(false));

        var running = await deployed.RunningAsync(ct).ConfigureAwait(false);
        var changed = releases.Where(r => !running.TryGetValue(r.Release.Module, out var now) || now.Release.Identity != r.Release.Identity)
            .Select(r => r.Release.Module).ToList();
        if (changed.Count == 0)
        {
            var (skip, why) = await deployed.TestedAsync(running, IntegrationTestsFingerprint.Of(application), ct).ConfigureAwait(false);
            if (skip is not null)
            {
                build.Log.Information($"DeployApplication skipped: nothing changed. {skip}.");
                build.ReportSummary("skipped", $"nothing changed in '{environment.Name}': the same releases run and passed the integration tests");
                return;
            }
            build.Log.Information(
                $"Every module of {application.Name} runs this build's release in '{environment.Name}' already, but {why}: checking it again.");
        }

        if (environment.Deployer == Deployers.GitOps)
            await CommitAsync(application, deployed, releases, who, ct).ConfigureAwait(false);
        else
            await RollOutAsync(application, deployed, releases, who, ct).ConfigureAwait(false);
    }

    // Local and helm: one ApplicationRollout through the environment's deployer, then each module's deployment record (Rebuild rolls out through it
    // too). The caller has looked at what runs first (DeployedApplication.RunningAsync), so the records of local instances whose run ended are
    // forgotten before the rollout compares releases: DeployApplication's RunAsync and PromoteSet look, Rebuild forgets every record itself.
    internal async Task RollOutAsync(CheckedApplication application, DeployedApplication deployed,
        IReadOnlyList<(ModuleRelease Release, PipelinePaths Paths)> releases, string who, CancellationToken ct)
    {
        var environment = deployed.Environment;
        var timeout = TimeSpan.FromSeconds(build.HealthTimeout ?? (environment.Deployer == Deployers.Helm ? 300 : 120));
        var options = new RolloutOptions(timeout, AddressesMove: environment.Deployer == Deployers.Local)
        {
            Checks = build.ApplicationChecks,
            Clock = build.Context.Clock,
        };
        var rollout = new ApplicationRollout(application.Graph, DeployStage.DeployerFor(build, environment), deployed.Records, options, build.Log);
        RolloutReport report;
        try
        {
            report = await rollout.RunAsync(environment, [.. releases.Select(r => r.Release)], who, ct).ConfigureAwait(false);
        }
        catch (RolloutFailedException)
        {
            // What runs after the modules were put back (a restored local instance answers at a new address).
            await WriteRecordsAsync(deployed, releases, who, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        await WriteRecordsAsync(deployed, releases, who, ct).ConfigureAwait(false);
        build.ReportSummary("environment", environment.Name);
        build.ReportSummary("deployed", string.Join(
            ", ",
            report.Steps.Where(s => s.Outcome == ModuleRolloutOutcome.Deployed).Select(s => $"{s.Module} {s.Version}"))
            is { Length: > 0 } list ? list : "nothing (every module runs its release already)");
    }

    // GitOps: one commit for every module; Flux orders the installs by the HelmReleases' dependsOn.
    internal async Task CommitAsync(CheckedApplication application, DeployedApplication deployed,
        IReadOnlyList<(ModuleRelease Release, PipelinePaths Paths)> releases, string who, CancellationToken ct)
    {
        var environment = deployed.Environment;
        var requests = releases.Select(r => (Request: new DeploymentRequest(environment, r.Release.Module, r.Release.Version, r.Release.Commit, who,
            r.Release.Image, r.Release.PublishDirectory, r.Release.Chart, r.Release.HealthPath), r.Paths, application.DependenciesOf(
                r.Release.Module))).ToList();
        build.Log.Information($"Deploying {application.Name} to {environment} as {who}: "
            + string.Join(", ", releases.Select(r => $"{r.Release.Module} {r.Release.Version}")));
        var outcome = await new GitOpsDeployer(build).DeployApplicationAsync(application.Name, requests, ct).ConfigureAwait(false);
        build.Log.Information($"Deployed: {outcome.Detail}");
        var at = build.Context.Clock.GetUtcNow();
        foreach (var (release, paths) in releases)
        {
            var deployment = new ModuleDeployment(release, outcome.Url, at);
            await deployed.Records.WriteCurrentAsync(environment.Name, deployment, ct).ConfigureAwait(false);
            await WriteRecordAsync(paths, environment, deployment, who, ct).ConfigureAwait(false);
        }
        build.ReportSummary("environment", environment.Name);
        build.ReportSummary("deployed", outcome.Detail);
    }

    // Each module's deployment record, from the rollout records: what runs now and where.
    private async Task WriteRecordsAsync(
        DeployedApplication deployed,
        IReadOnlyList<(ModuleRelease Release, PipelinePaths Paths)> releases,
        string who,
        CancellationToken ct)
    {
        foreach (var (release, paths) in releases)
            if (await deployed.Records.CurrentAsync(deployed.Environment.Name, release.Module, ct).ConfigureAwait(false) is { } now)
                await WriteRecordAsync(paths, deployed.Environment, now, who, ct).ConfigureAwait(false);
    }

    private async Task WriteRecordAsync(
        PipelinePaths paths,
        EnvironmentDefinition environment,
        ModuleDeployment deployment,
        string who,
        CancellationToken ct) =>
        await StageRecord.WriteAsync(paths.DeploymentRecord(environment.Name), new DeploymentRecord(environment.Name, environment.Deployer,
            deployment.Url, deployment.Release.Version, deployment.Release.Image?.Digest ?? "", who, deployment
                .DeployedAt), ct).ConfigureAwait(false);

    // One module's release from the records its stages wrote: the pushed image by digest, the chart, the published app.
    private async Task<(ModuleRelease Release, PipelinePaths Paths)> ReleaseOfAsync(
        CheckedApplication application, string module, EnvironmentDefinition environment, CancellationToken ct)
    {
        var paths = new PipelinePaths(build.RootDirectory, module);
        var source = await PipelineRecords.TryReadSourceAsync(paths, ct).ConfigureAwait(false);
        if (!environment.Accepts(source?.Branch))
            throw new BuildInputException(
                $"DeployApplication: environment '{environment.Name}' is fed by branch '{environment.Branch}', but module {module} was built from " +
                $"'{source?.Branch ?? "(detached)"}' ({paths.SourceRecord}). Deploy a build of '{environment.Branch}', or change the environment's " +
                    "declaration.");
        var push = paths.PushRecord.FileExists() ? await StageRecord.ReadAsync<PushRecord>(paths.PushRecord, "Push", ct).ConfigureAwait(false) : null;
        if (push is not null) await build.EmbeddedRegistry.EnsureRunningAsync(push.Registry, ct).ConfigureAwait(false);
        var image = paths.ImageRecord.FileExists()
            ? await StageRecord.ReadAsync<ImageRecord>(paths.ImageRecord, "Build", ct).ConfigureAwait(false)
            : null;
        var chart = await PipelineRecords.TryReadChartAsync(paths, ct).ConfigureAwait(false);
        var version = source?.Version ?? chart?.AppVersion ?? push?.Tag ?? image?.Tag
            ?? throw new BuildInputException(
                $"DeployApplication: nothing to deploy for module {module}: {paths.PushRecord}, {paths.ChartRecord} and {paths.ImageRecord} are " +
                    "all missing. " +
                "Run Push and Chart for every module of the application first.");
        var location = push?.Image.ByDigest() ?? image?.Image.ByDigest();
        var health = application[module].HealthPath ?? build.HealthPath;
        return (new ModuleRelease(module, version, source?.ShortCommit ?? "unknown", location,
            string.IsNullOrEmpty(image?.PublishDirectory) ? null : image.PublishDirectory, chart is null
                ? null
                : ChartLocation.From(chart), health), paths);
    }
}
