using System.Diagnostics;
using System.Text.Json;
using Release.Delivery.ApplicationDelivery;
using Release.Delivery.Deploy;
using Release.Delivery.Deploy.Local;
using Release.Delivery.Deploy.Rebuild;
using Release.Delivery.Integrate;
using Release.Engine;
using Release.Environments.Component;
using Release.Foundation.IO;
using Release.Pipeline.Records;
using Release.Releasing.Records;

namespace Release.Operations.Environments;

/// <summary>
/// What Rebuild does, in order: decide the declared state (records first), tear down and recreate, test, check drift,
/// write the evidence. The evidence is written whatever the tests say (a failed rebuild is evidence too), then a
/// failure fails the target.
/// </summary>
internal sealed class EnvironmentRebuild(IRebuild build)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public async Task RunAsync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var startedAt = build.Clock.GetUtcNow();
        var deploy = (IDeploy)build;
        var environment = ((IEnvironmentOperations)build).DeclaredEnvironments[(deploy.Environment ?? deploy.Environments.First().Name).Trim()];
        var source = await PipelineRecords.TryReadSourceAsync(build.Paths, ct).ConfigureAwait(false);
        var commit = source?.Commit ?? "(no source record: run Clone)";
        var (modules, declaredBy, tests, failure) = build is IDeployApplication application
            ? await RecreateApplicationAsync(application, environment.Name, deploy.DeployedBy ?? "rebuild", ct).ConfigureAwait(false)
            : await RecreateModuleAsync(environment.Name, source?.ShortCommit ?? "unknown", deploy.DeployedBy ?? "rebuild", ct).ConfigureAwait(false);

        var drift = (await LocalRuntimeCheck.DifferencesAsync(build, environment.Name, ct).ConfigureAwait(false))
            .Select(d => new { kind = EnvironmentDriftReads.RuntimeKind, d.Module, d.Field, d.Expected, d.Found, d.Repair }).ToList();
        var evidence = new
        {
            environment = environment.Name,
            deployer = environment.Deployer,
            commit,
            declaredBy,
            modules,
            integrationTests = tests,
            driftAfterwards = new { clean = drift.Count == 0, findings = drift },
            startedAt,
            finishedAt = build.Clock.GetUtcNow(),
            seconds = Math.Round(clock.Elapsed.TotalSeconds, 1),
        };
        var file = build.ArtifactsDirectory / "rebuild" / environment.Name / "rebuild.json";
        await AtomicFile.WriteTextAsync(file, JsonSerializer.Serialize(evidence, Json) + "\n", ct).ConfigureAwait(false);
        build.ReportSummary("rebuild", $"{environment.Name}: {string.Join(", ", modules.Select(m => $"{m.Module} {m.Version}"))} in " +
            $"{clock.Elapsed.TotalSeconds:0.0}s, drift {(drift.Count == 0 ? "none" : drift.Count.ToString())}");
        build.Log.Information($"Rebuild of '{environment.Name}' done in {clock.Elapsed.TotalSeconds:0.0}s; evidence: {file}");
        if (failure is not null) throw failure;
        if (drift.Count > 0)
            throw new InvalidOperationException(
                $"Rebuild: '{environment.Name}' drifted right after its rebuild ({drift.Count} finding(s)); see {file}.");
    }

    // One module (a build without an application): the signed records' current deployment there, else the last deployment recorded here.
    private async Task<(IReadOnlyList<RebuiltModule>, string, object, Exception?)> RecreateModuleAsync(string environment, string commit, string who,
        CancellationToken ct)
    {
        var paths = build.Paths;
        var recorded = (await RecordedDeployments.ReadAsync(build, ct).ConfigureAwait(false)).LastOrDefault(d => d.Environment == environment);
        var last = paths.DeploymentRecord(environment).FileExists()
            ? await StageRecord.ReadAsync<DeploymentRecord>(paths.DeploymentRecord(environment), "Deploy", ct).ConfigureAwait(false) : null;
        var (version, digest, declaredBy) = recorded is not null
            ? (recorded.Version.ToString(), recorded.ImageDigest.ToString(), $"release records ({recorded.ReleaseId})")
            : last is not null ? (last.Version, last.ImageDigest, paths.DeploymentRecord(environment).ToString())
            : throw new BuildInputException(
                $"Rebuild: nothing is declared for '{environment}': the release records hold no deployment there and " +
                    $"{paths.DeploymentRecord(environment)} " +
                $"does not exist. Deploy or Promote a release to '{environment}' first (./build.sh Deploy --environment {environment}).");
        build.Log.Information($"Rebuild: '{environment}' runs {build.Module} {version} at {digest} (declared by {declaredBy})");
        var module = await LocalRebuild.RecreateAsync(build, environment, version, digest, commit, who, ct).ConfigureAwait(false);

        var declaresTests = build.IntegrationTestProject is not null
            || build.DeclaredEnvironments.Application.Modules.Any(m => m.Name == build.Module && m.IntegrationTests is not null);
        if (!declaresTests)
            return ([module], declaredBy, new { ran = false, reason = "no integration tests declared for the module (application declaration or " +
                "--integration-test-project)" }, null);
        Exception? failure = null;
        try { await IntegrationRun.RunAsync(build, ct).ConfigureAwait(false); }
        catch (InvalidOperationException e) { failure = e; }
        return ([module], declaredBy, await SummaryAsync(paths.IntegrationSummary, failure, ct).ConfigureAwait(false), failure);
    }

    // A whole application, through DeployApplication's rollout: each module at the image the environment repository pins
    // (when --environments-repository is given), else at the release its last rollout recorded here; then IntegrateApplication's tests.
    private async Task<(IReadOnlyList<RebuiltModule>, string, object, Exception?)> RecreateApplicationAsync(
        IDeployApplication application,
        string environment,
        string who,
        CancellationToken ct)
    {
        var declared = string.IsNullOrWhiteSpace(build.EnvironmentsRepository)
            ? null
            : await DeclaredImages.ReadAsync(build, environment, ct).ConfigureAwait(false);
        var pinned = declared?.Images ?? new Dictionary<string, string>();
        var rolledOut = new ApplicationPaths(build.RootDirectory).DeployDirectory / environment;
        var declaredBy = declared is { Folder: { } folder }
            ? $"environment repository {declared.Repository} at {declared.Commit[..Math.Min(12, declared.Commit.Length)]} (environments/{folder}: " +
                $"{string.Join(", ", pinned.Keys)})" +
              (pinned.Count < application.Application.Modules.Count ? $"; the other modules' last rollout ({rolledOut})" : "")
            : $"the last rollout recorded here ({rolledOut})" + (declared is null
                ? ""
                : $"; {declared.Repository} pins no image for '{environment}' or its group");
        build.Log.Information($"Rebuild: '{environment}' recreates {application.Application.Name} " +
            $"({string.Join(", ", application.Application.Graph.Order)}) as declared by {declaredBy}");
        var modules = await ApplicationRebuild.RecreateAsync(application, pinned, who, ct).ConfigureAwait(false);

        if (application is not IIntegrateApplication integrate || application.Application.Modules.All(m => m.IntegrationTests is null))
            return (modules, declaredBy, new { ran = false, reason = "no module of the application declares integration tests" }, null);
        Exception? failure = null;
        try { await ApplicationRebuild.TestAsync(integrate, ct).ConfigureAwait(false); }
        catch (InvalidOperationException e) { failure = e; }
        return (modules, declaredBy, await SummaryAsync(ApplicationRebuild.IntegrationSummary(application), failure, ct).ConfigureAwait(
            false), failure);
    }

    private static async Task<object> SummaryAsync(AbsolutePath summary, Exception? failure, CancellationToken ct) =>
        summary.FileExists()
            ? JsonDocument.Parse(await File.ReadAllTextAsync(summary, ct).ConfigureAwait(false)).RootElement.Clone()
            : new { ran = false, reason = failure?.Message ?? "no summary written" };
}
