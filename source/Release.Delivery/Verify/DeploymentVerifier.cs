using System.Globalization;
using Release.Delivery.Deploy;
using Release.Delivery.Deploy.Notify;
using Release.Delivery.Integrate;
using Release.Process.Verification;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;

namespace Release.Delivery.Verify;

/// <summary>Deploys a request through the environment's deployer and records it (the Deploy stage's own step), optionally without the usual
/// notice.</summary>
internal delegate Task<DeploymentOutcome> Redeploy(DeploymentRequest request, bool notify, CancellationToken ct);

/// <summary>
/// Checks an environment right after it changed and undoes a change that fails: runs the sanity checks, records them
/// (<c>artifacts/verify/&lt;env&gt;.json</c> and JUnit), remembers a release that passed (<see cref="VerifiedReleases"/>),
/// and on a failure deploys the last release that passed there again — when the environment allows it
/// (<see cref="EnvironmentDefinition.AutomaticRollback"/>) — then notifies Slack with the measurements. The load test
/// uses the same rollback.
/// </summary>
internal sealed class DeploymentVerifier(IVerifyDeployment build, Redeploy redeploy, Func<DeploymentNotice, CancellationToken, Task> notify)
{
    /// <summary>The actor recorded for deployments no person made.</summary>
    public const string Actor = "automatic-rollback";

    /// <summary>
    /// Checks the deployment of <paramref name="request"/> that answers at <paramref name="outcome"/>; throws when it failed
    /// (after rolling back). A release that passed is remembered as the one to go back to, unless <paramref name="remember"/>
    /// is false (its image is not fully known).
    /// </summary>
    public async Task AfterDeployAsync(DeploymentRequest request, DeploymentOutcome outcome, CancellationToken ct, bool remember = true)
    {
        var environment = request.Environment;
        // A GitOps deployment is a commit: the environment changes when Flux applies it, later. Checking now would
        // check the release before; the SanityCheck target (and Promote, for an environment that serves a URL) checks
        // once the environment reports the new version.
        if (environment.Deployer == Deployers.GitOps && outcome.Detail != SanityCheckStage.Recorded)
        {
            build.Log.Information(
                $"Sanity checks of '{environment.Name}' run once Flux has applied the commit: ./build.sh SanityCheck --environment " +
                    $"{environment.Name}");
            return;
        }
        var results = await RunChecksAsync(outcome.Url, ct).ConfigureAwait(false);
        var failed = results.Where(r => !r.Passed).ToList();
        var stateFile = VerifiedReleases.File(build, environment.Name);
        var state = await VerifiedReleases.ReadAsync(stateFile, ct).ConfigureAwait(false);
        if (failed.Count == 0)
        {
            if (remember) await state.Passed(VerifiedRelease.From(request)).WriteAsync(stateFile, ct).ConfigureAwait(false);
            await WriteAsync(request, outcome.Url, results, new RollbackOutcome(AfterDeployAction.Keep, "every check passed", null, null, []), ct)
                .ConfigureAwait(false);
            build.Log.Information($"Sanity checks of {request.Module} {request.Version} in '{environment.Name}' passed: " +
                $"{string.Join(", ", results.Select(r => r.Name))}");
            build.ReportSummary("sanity checks", $"{results.Count} passed");
            return;
        }

        var measurements = failed.Select(r => $"{r.Name}: {r.Detail}").ToList();
        build.Log
            .Warning($"Sanity checks of {request.Module} {request.Version} in '{environment.Name}' failed:\n- " + string.Join("\n- ", measurements));
        var rollback = await RollBackAsync(request, state, "its sanity checks failed", measurements, ct).ConfigureAwait(false);
        await WriteAsync(request, outcome.Url, results, rollback, ct).ConfigureAwait(false);
        build.ReportSummary("sanity checks", $"{failed.Count} of {results.Count} failed, {rollback.ActionName}");
        throw new InvalidOperationException(
            $"Deploy: {request.Module} {request.Version} in '{environment.Name}' ({outcome.Url}) failed its sanity checks:\n- "
                + string.Join("\n- ", measurements) +
                $"\n{rollback.Sentence} See {build.Paths.SanityReport(environment.Name)}.");
    }

    /// <summary>
    /// Goes back to the last release that passed in the environment, when it allows it and one is known; records the new
    /// state and notifies Slack either way, naming what failed and the measurements.
    /// </summary>
    public async Task<RollbackOutcome> RollBackAsync(
        DeploymentRequest failing,
        VerifiedReleases state,
        string why,
        IReadOnlyList<string> measurements,
        CancellationToken ct)
    {
        var environment = failing.Environment;
        // A GitOps environment outlives the machine that deployed it: the release to go back to comes from the signed
        // release records when the build has them, so a CI runner with a fresh workspace can roll back too.
        var records = environment.Deployer == Deployers.GitOps ? build.RollbackRecords : null;
        var target = records is not null
            ? await records.PreviousAsync(environment, failing.Version, ct).ConfigureAwait(false)
            : state.Before(failing);
        var action = AfterDeployDecision.Decide(measurements.Count, environment.AutomaticRollback, target?.Version, out var reason);
        if (action != AfterDeployAction.RollBack || target is null)
        {
            build.Log.Warning($"{failing.Module} {failing.Version} stays in '{environment.Name}' although {why}: {reason}.");
            await notify(Notice(
                failing,
                failing.Version,
                $"{failing.Module} {failing.Version} in {environment.Name}: {why}, NOT rolled back",
                measurements,
                reason), ct).ConfigureAwait(false);
            return new RollbackOutcome(action, reason, null, null, []);
        }
        build.Log.Warning($"{failing.Module} {failing.Version} in '{environment.Name}': {why}; {reason}, without a person.");
        var restored = await redeploy(target.Request(environment, failing.Module, Actor, failing.HealthPath), false, ct).ConfigureAwait(false);
        IReadOnlyList<SanityCheckResult> checks;
        try
        {
            if (environment.Deployer == Deployers.GitOps) await WaitForVersionAsync(environment.Name, restored.Url, target.Version, ct)
                .ConfigureAwait(false);
            checks = await RunChecksAsync(restored.Url, ct).ConfigureAwait(false);
        }
        catch (InvalidOperationException e) when (e.InnerException is TimeoutException)
        {
            checks = [new SanityCheckResult("version", "health", false, e.InnerException.Message, TimeSpan.Zero)];
        }
        if (records is not null)
            await records.RecordAsync(new AutomaticRollback(environment.Name, failing.Version, target.Version, why, measurements), ct)
                .ConfigureAwait(false);
        await state.RolledBackTo(target).WriteAsync(VerifiedReleases.File(build, environment.Name), ct).ConfigureAwait(false);
        build.Log.Information($"'{environment.Name}' runs {failing.Module} {target.Version} again at {restored.Url}; its sanity checks " +
                              (checks.All(c => c.Passed) ? "pass" : "fail too"));
        await notify(Notice(
            failing,
            target.Version,
            $"{failing.Module} {environment.Name} rolled back from {failing.Version} to {target.Version}: {why}",
            measurements,
            reason) with { Url = restored.Url }, ct).ConfigureAwait(false);
        return new RollbackOutcome(action, reason, target.Version, restored, checks);
    }

    /// <summary>
    /// Waits until the environment at <paramref name="url"/> reports <paramref name="version"/> (Flux applied the GitOps
    /// commit): polls the build's <see cref="IVerifyDeployment.VersionPath"/> until <see cref="IVerifyDeployment.SanityWait"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The deadline passed (the inner <see cref="TimeoutException"/> names the last answer).</exception>
    public async Task WaitForVersionAsync(string environment, string url, string version, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            throw new Engine.BuildDefinitionException(
                $"SanityCheck: the deployment to '{environment}' recorded '{url}', which is not an HTTP URL. Declare the environment's Url in the " +
                    "build's Environments.");
        var timeout = TimeSpan.FromSeconds(build.SanityWait ?? 600);
        var versionUrl = url.TrimEnd('/') + "/" + build.VersionPath.TrimStart('/');
        build.Log.Information(
            $"Waiting up to {timeout.TotalSeconds} s for '{environment}' to report {version} at {versionUrl} (Flux applies the GitOps commit)");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(build.SanityTimeout ?? 10) };
        try
        {
            var polls = await new DeployedVersionWait(http, build.Context.Clock).UntilReportsAsync(versionUrl, version, timeout, ct)
                .ConfigureAwait(false);
            build.Log.Information($"'{environment}' reports {version} (after {polls} poll{(polls == 1 ? "" : "s")})");
        }
        catch (TimeoutException e)
        {
            throw new InvalidOperationException(
                $"SanityCheck: '{environment}' does not run {build.Module} {version} yet: {e.Message}. " +
                "Check that Flux applied the commit (flux get kustomizations), or wait longer with --sanity-wait SECONDS.", e);
        }
    }

    public async Task<IReadOnlyList<SanityCheckResult>> RunChecksAsync(string url, CancellationToken ct)
    {
        var checks = build.SanityChecks;
        try { checks.Validate(); }
        catch (ArgumentException e) { throw new Engine.BuildDefinitionException($"{e.Message} (IVerifyDeployment.SanityChecks in the build class)"); }
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(build.SanityTimeout ?? 10) };
        return await new SanityCheckRunner(http).RunAsync(url, build.HealthPath, checks, ct).ConfigureAwait(false);
    }

    private async Task WriteAsync(
        DeploymentRequest request,
        string url,
        IReadOnlyList<SanityCheckResult> results,
        RollbackOutcome rollback,
        CancellationToken ct)
    {
        var environment = request.Environment.Name;
        var report = new SanityReport(environment, url, request.Version, request.Image?.Digest, build.Context.Clock.GetUtcNow(),
            results.All(r => r.Passed), results, rollback.ActionName, rollback.Reason, rollback.RestoredVersion);
        await StageRecord.WriteAsync(build.Paths.SanityReport(environment), report, ct).ConfigureAwait(false);
        var cases = results.Select(r => new TestCaseResult(
            $"SanityChecks.{request.Module}.{environment}",
            $"{r.Kind} {r.Name}",
            r.Passed ? "Passed" : "Failed",
            r.Duration,
            r.Passed ? null : r.Detail)).ToList();
        JUnitReportWriter.Render(
            string.Create(CultureInfo.InvariantCulture, $"{request.Module} {request.Version} sanity checks ({environment})"),
            cases)
            .Save(build.Paths.SanityJUnit(environment));
    }

    private static DeploymentNotice Notice(
        DeploymentRequest failing,
        string version,
        string title,
        IReadOnlyList<string> measurements,
        string reason) =>
        new(failing.Module, version, failing.Environment.Name, failing.Commit, Actor, "")
        {
            Title = title,
            Detail = "What failed:\n" + string.Join("\n", measurements.Select(m => "• " + m)) + "\n" + char.ToUpperInvariant(reason[0]) + reason[1..]
                + ".",
        };
}
