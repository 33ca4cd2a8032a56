using System.Globalization;
using Release.Delivery.Deploy;
using Release.Engine;
using Release.Process.Verification;
using Release.Stages.Common;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;

namespace Release.Delivery.Verify;

/// <summary>What the LoadTest target does: load, measure, judge, report; on a missed limit, roll the environment back and fail naming the
/// figures.</summary>
internal sealed class LoadTestStage(ILoadTest build)
{
    /// <summary>How the report names the generator.</summary>
    public const string Generator = "Release open-loop generator (constant arrival rate, latency from intended send time)";

    public async Task RunAsync(CancellationToken ct)
    {
        var profile = build.LoadTestProfile;
        var limits = build.LoadTestLimits;
        try
        {
            profile.Validate();
            limits.Validate("LoadTestLimits");
        }
        catch (ArgumentException e)
        {
            throw new BuildDefinitionException($"LoadTest: {e.Message} (ILoadTest.LoadTestProfile / LoadTestLimits in the build class)");
        }
        var environment = DeployStage.Select(build);
        var paths = build.Paths;
        var deployment = await StageRecord.ReadAsync<DeploymentRecord>(paths.DeploymentRecord(environment.Name), "Deploy", ct).ConfigureAwait(false);
        if (!Uri.TryCreate(deployment.Url, UriKind.Absolute, out var url) || (url.Scheme != "http" && url.Scheme != "https"))
            throw new BuildDefinitionException(
                $"LoadTest: the deployment to '{environment.Name}' recorded '{deployment.Url}', which is not an HTTP URL. Declare the " +
                    "environment's Url in the build's Environments.");

        build.Log.Information(string.Create(CultureInfo.InvariantCulture,
            $"Load-testing {build.Module} {deployment.Version} in '{environment.Name}': GET {deployment.Url}{profile.Path} at {profile.Rate} " +
                $"requests/s for {profile.Duration.TotalSeconds} s (open loop)"));
        IReadOnlyList<LoadSample> samples;
        using (var http = OpenLoopLoadGenerator.CreateClient(profile))
            samples = await new OpenLoopLoadGenerator(http, TimeProvider.System).RunAsync(deployment.Url, profile, ct).ConfigureAwait(false);
        var duration = samples.Count == 0 ? TimeSpan.Zero : samples.Max(s => s.IntendedAt + s.Latency);
        var measured = LatencyPercentiles.Measure(samples.Select(s => s.Latency), samples.Count(s => s.Error is not null), duration);
        var breaches = LoadVerdict.Check(measured, limits);
        var report = new LoadTestReport(build.Module, environment.Name, deployment.Url + profile.Path, deployment.Version,
            string.IsNullOrEmpty(deployment.ImageDigest) ? null : deployment.ImageDigest, Generator, profile.Rate, profile.Duration.TotalSeconds,
            LoadLimitsFigures.From(limits), LoadFigures.From(measured), breaches, breaches.Count == 0, build.Context.Clock.GetUtcNow(),
                LoadWindow.Of(samples));

        using (var output = StageOutput.Begin(paths.LoadTestDirectory()))
        {
            await StageRecord.WriteAsync(output.Staging / "report.json", report, ct).ConfigureAwait(false);
            LoadTestJUnit.Render(report).Save(output.Staging / "junit.xml");
            await File.WriteAllTextAsync(output.Staging / "report.html", LoadTestHtml.Render(report), ct).ConfigureAwait(false);
            output.Commit();
        }
        var figures = string.Create(CultureInfo.InvariantCulture,
            $"{measured.Requests} requests, {measured.Errors} errors, p50 {LoadVerdict.Milliseconds(measured.P50)}, p95 " +
                $"{LoadVerdict.Milliseconds(measured.P95)}, p99 {LoadVerdict.Milliseconds(measured.P99)}, {measured.Throughput:0.#} requests/s");
        build.Log.Information($"Load test: {figures}");
        build.ReportSummary("load test", (breaches.Count == 0 ? "passed: " : "FAILED: ") + figures);
        if (breaches.Count == 0) return;

        var measurements = breaches.Select(b => b.ToString()).ToList();
        var stage = new DeployStage(build);
        var state = await VerifiedReleases.ReadAsync(VerifiedReleases.File(build, environment.Name), ct).ConfigureAwait(false);
        var failing = state.RequestFor(environment, build, build.HealthPath, deployment, out _);
        var rollback = await new DeploymentVerifier(build, stage.DeployAndRecordAsync, stage.NotifyAsync)
            .RollBackAsync(failing, state, "its load test missed the declared limits", measurements, ct).ConfigureAwait(false);
        await RecordRollbackAsync(paths, rollback, ct).ConfigureAwait(false);
        throw new InvalidOperationException(
            $"LoadTest: {build.Module} {deployment.Version} in '{environment.Name}' missed its limits at " +
                $"{profile.Rate.ToString("0.##", CultureInfo.InvariantCulture)} requests/s:\n- " +
            string.Join("\n- ", measurements) + $"\n{rollback.Sentence} See {paths.LoadTestDirectory() / "report.html"}.");
    }

    // The rollback goes into the report the evidence carries, beside the figures that triggered it.
    private static async Task RecordRollbackAsync(PipelinePaths paths, RollbackOutcome rollback, CancellationToken ct)
    {
        await StageRecord.WriteAsync(paths.LoadTestDirectory() / "rollback.json", new
        {
            action = rollback.ActionName, reason = rollback.Reason, restoredVersion = rollback.RestoredVersion, restoredUrl = rollback.Restored?.Url,
            restoredChecks = rollback.RestoredChecks,
        }, ct).ConfigureAwait(false);
    }
}
