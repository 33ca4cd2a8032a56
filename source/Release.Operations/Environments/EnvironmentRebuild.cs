using System.Diagnostics;
using System.Text.Json;
using Release.Delivery.Deploy;
using Release.Delivery.Deploy.Local;
using Release.Delivery.Deploy.Rebuild;
using Release.Delivery.Integrate;
using Release.Engine;
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
        var paths = build.Paths;

        // Declared state: the signed records' current deployment there, else the last deployment recorded here.
        var recorded = (await RecordedDeployments.ReadAsync(build, ct)).LastOrDefault(d => d.Environment == environment.Name);
        var last = paths.DeploymentRecord(environment.Name).FileExists()
            ? await StageRecord.ReadAsync<DeploymentRecord>(paths.DeploymentRecord(environment.Name), "Deploy", ct) : null;
        var (version, digest, declaredBy) = recorded is not null ? (recorded.Version.ToString(), recorded.ImageDigest.ToString(), $"release records ({recorded.ReleaseId})")
            : last is not null ? (last.Version, last.ImageDigest, paths.DeploymentRecord(environment.Name).ToString())
            : throw new BuildInputException(
                $"Rebuild: nothing is declared for '{environment.Name}': the release records hold no deployment there and {paths.DeploymentRecord(environment.Name)} " +
                $"does not exist. Deploy or Promote a release to '{environment.Name}' first (./build.sh Deploy --environment {environment.Name}).");
        var source = await PipelineRecords.TryReadSourceAsync(paths, ct);
        var commit = source?.Commit ?? "(no source record: run Clone)";
        build.Log.Information($"Rebuild: '{environment.Name}' runs {build.Module} {version} at {digest} (declared by {declaredBy})");

        var module = await LocalRebuild.RecreateAsync(build, environment.Name, version, digest, source?.ShortCommit ?? "unknown",
            deploy.DeployedBy ?? "rebuild", ct);

        var declaresTests = build.IntegrationTestProject is not null
            || build.DeclaredEnvironments.Application.Modules.Any(m => m.Name == build.Module && m.IntegrationTests is not null);
        Exception? failure = null;
        object tests = new { ran = false, reason = "no integration tests declared for the module (application declaration or --integration-test-project)" };
        if (declaresTests)
        {
            try { await IntegrationRun.RunAsync(build, ct); }
            catch (InvalidOperationException e) { failure = e; }
            tests = paths.IntegrationSummary.FileExists()
                ? JsonDocument.Parse(await File.ReadAllTextAsync(paths.IntegrationSummary, ct)).RootElement.Clone()
                : new { ran = false, reason = failure?.Message ?? "no summary written" };
        }

        var drift = (await LocalRuntimeCheck.DifferencesAsync(build, environment.Name, ct))
            .Select(d => new { kind = EnvironmentDriftReads.RuntimeKind, d.Module, d.Field, d.Expected, d.Found, d.Repair }).ToList();
        var evidence = new
        {
            environment = environment.Name,
            deployer = environment.Deployer,
            commit,
            declaredBy,
            modules = new[] { module },
            integrationTests = tests,
            driftAfterwards = new { clean = drift.Count == 0, findings = drift },
            startedAt,
            finishedAt = build.Clock.GetUtcNow(),
            seconds = Math.Round(clock.Elapsed.TotalSeconds, 1),
        };
        var file = build.ArtifactsDirectory / "rebuild" / environment.Name / "rebuild.json";
        await AtomicFile.WriteTextAsync(file, JsonSerializer.Serialize(evidence, Json) + "\n", ct);
        build.ReportSummary("rebuild", $"{environment.Name}: {module.Module} {version} in {clock.Elapsed.TotalSeconds:0.0}s, drift {(drift.Count == 0 ? "none" : drift.Count.ToString())}");
        build.Log.Information($"Rebuild of '{environment.Name}' done in {clock.Elapsed.TotalSeconds:0.0}s; evidence: {file}");
        if (failure is not null) throw failure;
        if (drift.Count > 0)
            throw new InvalidOperationException($"Rebuild: '{environment.Name}' drifted right after its rebuild ({drift.Count} finding(s)); see {file}.");
    }
}
