using Release.Delivery.Verify;
using Release.Engine;
using Release.Process.Applications;
using Release.Process.Applications.Rollout;

namespace Release.Delivery.Deploy.Rollout;

/// <summary>
/// Deploys an application's changed modules through one deployer, following <see cref="RolloutPlanner"/>'s plan: wave by
/// wave (a wave's modules at the same time), each module starting once its dependencies answer their health endpoint.
/// A module that fails stops the rollout: no further wave starts, and the modules replaced in this run go back to the
/// release their records say ran before (<see cref="RolloutPlan.RestoreOrder"/>). Deployer-independent: the local
/// deployer (addresses move: dependents are told <c>MODULE_URL</c>) and helm (stable service names) alike.
/// After the last wave, the application's own checks (<see cref="RolloutOptions.Checks"/>: a journey across the modules
/// through the one clients call) run; a failure there puts the set back the same way.
/// Cancellation stops the rollout where it is, without putting anything back.
/// </summary>
internal sealed class ApplicationRollout(ModuleGraph graph, IDeployer deployer, RolloutRecords records, RolloutOptions options, IBuildLog log)
{
    /// <summary>Rolls out <paramref name="releases"/> (one per module) to <paramref name="environment"/>.</summary>
    /// <returns>What happened, module by module (also written to the records' <c>rollout.json</c>).</returns>
    /// <exception cref="RolloutFailedException">A module failed; the message names it and the reason, and what was put back.</exception>
    /// <exception cref="BuildInputException">The releases do not match the application's modules, or a deployer refused its input.</exception>
    public async Task<RolloutReport> RunAsync(
        EnvironmentDefinition environment,
        IReadOnlyList<ModuleRelease> releases,
        string deployedBy,
        CancellationToken ct)
    {
        var entry = options.Checks is null ? null : EntryModule(options.Checks);
        var wanted = ReleasesByModule(releases);
        var before = new Dictionary<string, ModuleDeployment>(StringComparer.OrdinalIgnoreCase);
        foreach (var module in graph.Order)
            if (await records.CurrentAsync(environment.Name, module, ct).ConfigureAwait(false) is { } running) before[module] = running;
        RolloutPlan plan;
        try
        {
            plan = RolloutPlanner.Plan(graph, wanted.ToDictionary(w => w.Key, w => w.Value.Identity),
                before.ToDictionary(b => b.Key, b => b.Value.Release.Identity), options.AddressesMove);
        }
        catch (ArgumentException e)
        {
            throw new BuildInputException($"Rollout to '{environment.Name}': {e.Message}");
        }

        // The graph's spelling of each name from here on (names compare ignoring case).
        wanted = graph.Order.ToDictionary(m => m, m => wanted[m] with { Module = m }, StringComparer.OrdinalIgnoreCase);
        var run = new Run(environment, deployedBy, before, plan);
        foreach (var module in plan.Unchanged)
            run.Add(new ModuleRolloutStep(
                module,
                ModuleRolloutOutcome.Unchanged,
                "unchanged",
                before[module].Release.Version,
                before[module].Release.Version,
                before[module].Url,
                null,
                null));
        log.Information($"Rollout to {environment.Name}: " + (plan.Changed.Count == 0 ? "every module runs its release already"
            : string.Join("; ", plan.Changed.Select(m => $"{m} {wanted[m].Version} ({plan.ReasonFor(m)})"))));

        var waves = options.FollowGraph ? plan.Waves
            : releases.Select(r => graph.Order.First(m => string.Equals(m, r.Module, StringComparison.OrdinalIgnoreCase)))
                .Where(plan.Changed.Contains)
                .Select(m => (IReadOnlyList<string>)[m])
                .ToList();
        Failure? failure = null;
        foreach (var wave in waves)
        {
            var failures = await Task.WhenAll(wave.Select(m => DeployAsync(run, wanted[m], ct))).ConfigureAwait(false);
            failure = failures.FirstOrDefault(f => f is not null);
            if (failure is not null) break;
        }

        IReadOnlyList<SanityCheckResult> checks = [];
        if (failure is null && options.Checks is { } declared && entry is not null)
            (checks, failure) = await CheckApplicationAsync(run, declared, entry, ct).ConfigureAwait(false);
        if (failure is null)
        {
            var done = new RolloutReport(environment.Name, true, null, run.Steps) { ApplicationChecks = checks };
            await records.WriteReportAsync(done, ct).ConfigureAwait(false);
            return done;
        }

        foreach (var module in plan.Changed.Where(m => !run.Touched(m)))
            run.Add(new ModuleRolloutStep(module, ModuleRolloutOutcome.NotStarted, $"not started: the rollout stopped at {failure.Module}",
                wanted[module].Version, before.GetValueOrDefault(module)?.Release.Version, before.GetValueOrDefault(module)?.Url, null, null));
        var putBack = await RestoreAsync(run, ct).ConfigureAwait(false);
        // The module and what was put back first; the reason after, since a deployer's may end with many output lines.
        var kept = run.Steps.Where(s => s.Outcome == ModuleRolloutOutcome.NothingToRestore).Select(s => $"{s.Module} {s.Version}").ToList();
        var message = $"Rollout to '{environment.Name}' stopped at {failure.Module}; " +
            (putBack.Count + kept.Count == 0 ? "no module had been replaced in this run, so nothing was put back."
                : string.Join("; ", new[]
                {
                    putBack.Count == 0 ? null : $"put back to what ran before: {string.Join(", ", putBack)}",
                    kept.Count == 0 ? null : $"left at the new release (nothing ran before): {string.Join(", ", kept)}",
                }.OfType<string>()) + ".") + $"\n{failure.Module}: {failure.Reason}";
        var report = new RolloutReport(environment.Name, false, $"{failure.Module}: {failure.Reason}", run.Steps) { ApplicationChecks = checks };
        await records.WriteReportAsync(report, CancellationToken.None).ConfigureAwait(false);
        log.Error(message);
        if (failure.Error is BuildInputException) throw new BuildInputException(message, failure.Error);
        throw new RolloutFailedException(message, report, failure.Error);
    }

    // The application's checks against its entry module once every wave is in: null failure when they pass.
    // The graph's spelling of the module the checks go to; checked before anything is deployed.
    private string EntryModule(ApplicationChecks declared) =>
        graph.Order.FirstOrDefault(m => string.Equals(m, declared.EntryModule, StringComparison.OrdinalIgnoreCase))
        ?? throw new BuildDefinitionException($"Application checks: they are sent to '{declared.EntryModule}', which is not a module of the " +
            "application " +
                                              $"({string.Join(", ", graph.Order)}); name the module clients call (RolloutOptions.Checks).");

    private async Task<(IReadOnlyList<SanityCheckResult> Results, Failure? Failure)> CheckApplicationAsync(
        Run run,
        ApplicationChecks declared,
        string entry,
        CancellationToken ct)
    {
        if (run.Current(entry) is not { } target)
            return ([], new Failure(
                ChecksName,
                $"{entry} is not deployed in '{run.Environment.Name}', so the application's checks cannot reach it",
                null));
        var results = await declared.RunAsync(target.Url, target.Release.HealthPath, ct).ConfigureAwait(false);
        var failed = results.Where(r => !r.Passed).Select(r => $"{r.Name}: {r.Detail}").ToList();
        if (failed.Count == 0)
        {
            log.Information($"Rollout to {run.Environment.Name}: the application's checks passed through {entry} " +
                $"({string.Join(", ", results.Select(r => r.Name))})");
            return (results, null);
        }
        log.Warning(
            $"Rollout to {run.Environment.Name}: the application's checks failed through {entry} at {target.Url}:\n- " + string.Join("\n- ", failed));
        return (results, new Failure(ChecksName, $"failed through {entry} ({target.Url}): " + string.Join("; ", failed), null));
    }

    /// <summary>What a failure of the application's checks is reported as, in place of a module's name.</summary>
    public const string ChecksName = "the application's checks";

    private Dictionary<string, ModuleRelease> ReleasesByModule(IReadOnlyList<ModuleRelease> releases)
    {
        var byModule = new Dictionary<string, ModuleRelease>(StringComparer.OrdinalIgnoreCase);
        foreach (var release in releases)
            if (!byModule.TryAdd(release.Module, release))
                throw new BuildInputException($"Rollout: two releases were given for module '{release.Module}' ({byModule[release.Module].Version} " +
                    $"and {release.Version}); give one per module.");
        return byModule;
    }

    // One module: wait for what it needs, deploy, record. Null on success, else why it failed.
    private async Task<Failure?> DeployAsync(Run run, ModuleRelease release, CancellationToken ct)
    {
        var module = release.Module;
        var previous = run.Before.GetValueOrDefault(module);
        if (options.FollowGraph)
        {
            foreach (var dependency in run.Plan.WaitsFor(module))
            {
                var problem = run.Current(dependency) is { } target
                    ? await new HealthWait(options.DependencyHealthTimeout, options.PollInterval).ProblemAsync(
                        target.Url,
                        target.Release.HealthPath,
                        ct).ConfigureAwait(false)
                    : $"it is not deployed in '{run.Environment.Name}'";
                if (problem is null) continue;
                return Failed(run, release, previous, $"not started: its dependency {dependency} is not healthy ({dependency}: {problem}).",
                    started: null, error: null);
            }
        }

        var started = options.Clock.GetUtcNow();
        log.Information($"Rollout: deploying {module} {release.Version}" + (previous is null ? "" : $" (runs {previous.Release.Version})"));
        try
        {
            var outcome = await deployer.DeployAsync(Request(run, release), ct).ConfigureAwait(false);
            var deployment = new ModuleDeployment(release, outcome.Url, options.Clock.GetUtcNow());
            run.Replaced(deployment);
            await records.WriteCurrentAsync(run.Environment.Name, deployment, ct).ConfigureAwait(false);
            run.Add(new ModuleRolloutStep(
                module,
                ModuleRolloutOutcome.Deployed,
                run.Plan.ReasonFor(module),
                release.Version,
                previous?.Release.Version,
                outcome.Url,
                started,
                deployment.DeployedAt));
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The whole message: a local deployer's ends with the instance's last output, which often says why.
            return Failed(run, release, previous, e.Message.Trim(), started, e);
        }
    }

    // A module that did not deploy: recorded with the version it still runs (if any), and reported.
    private Failure Failed(Run run, ModuleRelease release, ModuleDeployment? previous, string reason, DateTimeOffset? started, Exception? error)
    {
        run.Add(new ModuleRolloutStep(
            release.Module,
            ModuleRolloutOutcome.Failed,
            reason,
            release.Version,
            previous?.Release.Version,
            previous?.Url,
            started,
            options.Clock.GetUtcNow()));
        return new Failure(release.Module, reason, error);
    }

    // Puts back the modules replaced in this run, per the plan; a failure to put one back is recorded and the rest go on.
    private async Task<List<string>> RestoreAsync(Run run, CancellationToken ct)
    {
        var putBack = new List<string>();
        foreach (var module in run.Plan.RestoreOrder(run.ReplacedModules, run.Before.Keys))
        {
            if (!run.Before.TryGetValue(module, out var previous))
            {
                var stays = run.Current(module);
                run.Add(new ModuleRolloutStep(module, ModuleRolloutOutcome.NothingToRestore, "nothing ran before this rollout; the new release stays",
                    stays?.Release.Version, null, stays?.Url, null, null));
                continue;
            }
            var started = options.Clock.GetUtcNow();
            log.Information($"Rollout: putting back {module} {previous.Release.Version}");
            try
            {
                var outcome = await deployer.DeployAsync(Request(run, previous.Release), ct).ConfigureAwait(false);
                var restored = new ModuleDeployment(previous.Release, outcome.Url, options.Clock.GetUtcNow());
                run.Replaced(restored, restoring: true);
                await records.WriteCurrentAsync(run.Environment.Name, restored, ct).ConfigureAwait(false);
                run.Add(new ModuleRolloutStep(
                    module,
                    ModuleRolloutOutcome.Restored,
                    $"put back to {previous.Release.Version}",
                    previous.Release.Version,
                    previous.Release.Version,
                    outcome.Url,
                    started,
                    restored.DeployedAt));
                putBack.Add($"{module} {previous.Release.Version}");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var now = run.Current(module);
                run.Add(new ModuleRolloutStep(module, ModuleRolloutOutcome.RestoreFailed,
                    $"could not put back {previous.Release.Version}: {FirstLine(e.Message)} {now?.Release.Version ?? "nothing"} runs at " +
                        $"{now?.Url ?? "no address"}.",
                    previous.Release.Version, previous.Release.Version, now?.Url, started, options.Clock.GetUtcNow()));
                putBack.Add($"{module} FAILED ({FirstLine(e.Message)})");
            }
        }
        return putBack;
    }

    // Where the module's dependencies answer now (MODULE_URL, with a trailing slash for relative calls), then its own settings.
    private DeploymentRequest Request(Run run, ModuleRelease release)
    {
        var settings = new Dictionary<string, string>();
        foreach (var dependency in graph.DependenciesOf(release.Module))
            if (run.Current(dependency) is { } target)
                settings[dependency.ToUpperInvariant().Replace('-', '_') + "_URL"] = target.Url.TrimEnd('/') + "/";
        foreach (var (key, value) in release.Settings) settings[key] = value;
        return new DeploymentRequest(run.Environment, release.Module, release.Version, release.Commit, run.DeployedBy,
            release.Image, release.PublishDirectory, release.Chart, release.HealthPath) { Settings = settings };
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    private sealed record Failure(string Module, string Reason, Exception? Error);

    // The state of one rollout; waves run modules at the same time, so every change goes through a lock.
    private sealed class Run(EnvironmentDefinition environment, string deployedBy, Dictionary<string, ModuleDeployment> before, RolloutPlan plan)
    {
        private readonly object _lock = new();
        private readonly List<ModuleRolloutStep> _steps = [];
        private readonly Dictionary<string, ModuleDeployment> _current = new(before, StringComparer.OrdinalIgnoreCase);
        private readonly List<string> _replaced = [];

        public EnvironmentDefinition Environment => environment;
        public string DeployedBy => deployedBy;
        public IReadOnlyDictionary<string, ModuleDeployment> Before => before;
        public RolloutPlan Plan => plan;

        public IReadOnlyList<ModuleRolloutStep> Steps { get { lock (_lock) return [.. _steps]; } }
        public IReadOnlyList<string> ReplacedModules { get { lock (_lock) return [.. _replaced]; } }

        public void Add(ModuleRolloutStep step) { lock (_lock) _steps.Add(step); }

        public bool Touched(string module) { lock (_lock) return _steps.Any(s => s.Module == module && s.Outcome != ModuleRolloutOutcome.Unchanged); }

        public ModuleDeployment? Current(string module) { lock (_lock) return _current.GetValueOrDefault(module); }

        public void Replaced(ModuleDeployment deployment, bool restoring = false)
        {
            lock (_lock)
            {
                _current[deployment.Release.Module] = deployment;
                if (!restoring) _replaced.Add(deployment.Release.Module);
            }
        }
    }
}
