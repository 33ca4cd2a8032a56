using Release.Delivery.Deploy;
using Release.Delivery.Deploy.Local;
using Release.Delivery.Deploy.Rollout;
using Release.Engine;
using Release.Pipeline.Records;

namespace Release.Delivery.ApplicationDelivery;

/// <summary>
/// What runs of the application in one environment, by its rollout records, and whether that set was already tested
/// green with the same tests. For the local deployer, a record whose instance is gone (its run ended without
/// <c>--keep-running</c>, or a lone Deploy replaced it) is forgotten: the module is not running any more.
/// </summary>
internal sealed class DeployedApplication(IDeployApplication build, EnvironmentDefinition environment)
{
    /// <summary>The application's files.</summary>
    public ApplicationPaths Paths { get; } = new(build.RootDirectory);

    /// <summary>The rollout records of every environment.</summary>
    public RolloutRecords Records => new(Paths.DeployDirectory);

    /// <summary>The environment.</summary>
    public EnvironmentDefinition Environment => environment;

    /// <summary>What runs per module (modules with nothing running are left out), after forgetting local instances that are gone.</summary>
    public async Task<IReadOnlyDictionary<string, ModuleDeployment>> RunningAsync(CancellationToken ct)
    {
        var running = new Dictionary<string, ModuleDeployment>(StringComparer.OrdinalIgnoreCase);
        foreach (var module in build.Application.Graph.Order)
        {
            if (await Records.CurrentAsync(environment.Name, module, ct).ConfigureAwait(false) is not { } deployment) continue;
            if (environment.Deployer == Deployers.Local)
            {
                var instance = await LocalDeployer.DeploymentsOf(build).CurrentAsync($"{module}-{environment.Name}", ct).ConfigureAwait(false);
                if (instance is null || !SameUrl(instance.Url, deployment.Url))
                {
                    build.Log.Information($"{module} {deployment.Release.Version} no longer runs at {deployment.Url} in '{environment.Name}' " +
                                          (instance is null
                                              ? "(its instance stopped)"
                                              : $"(another instance answers at {instance.Url})") + "; it will be deployed again.");
                    Records.Forget(environment.Name, module);
                    continue;
                }
            }
            running[module] = deployment;
        }
        return running;
    }

    /// <summary>
    /// Why the application's integration need not run again: every module runs the deployment the last green run tested
    /// (the same release, the same deployment), with the same tests: <c>Skip</c> says so, or is null when it must run, with <c>Why</c> saying why.
    /// </summary>
    public async Task<(string? Skip, string Why)> TestedAsync(
        IReadOnlyDictionary<string, ModuleDeployment> running,
        string testsFingerprint,
        CancellationToken ct)
    {
        var modules = build.Application.Graph.Order;
        if (modules.FirstOrDefault(m => !running.ContainsKey(m)) is { } missing)
            return (null, $"{missing} is not running in '{environment.Name}'");
        if (!Paths.IntegrationSummary.FileExists()) return (null, "the application's integration tests have not run yet");
        var tested = await StageRecord.ReadAsync<ApplicationIntegrationSummary>(Paths.IntegrationSummary, "IntegrateApplication", ct)
            .ConfigureAwait(false);
        if (!string.Equals(tested.Environment, environment.Name, StringComparison.OrdinalIgnoreCase))
            return (null, $"the last integration run tested '{tested.Environment}'");
        if (!tested.Green) return (null, $"the last integration run was not green ({tested.Passed} passed, {tested.Failed} failed)");
        if (tested.TestsFingerprint != testsFingerprint) return (null, "the integration tests changed since their last run");
        foreach (var module in modules)
        {
            var now = running[module];
            var then = tested.Modules.FirstOrDefault(t => string.Equals(t.Module, module, StringComparison.OrdinalIgnoreCase));
            if (then is null) return (null, $"the last integration run did not test {module}");
            if (then.Identity != now.Release.Identity) return (null, $"{module} runs {now.Release.Version} ({Short(now.Release.Identity)}), tested " +
                $"was {then.Version} ({Short(then.Identity)})");
            if (!SameUrl(then.Url, now.Url)
                || then.DeployedAt != now.DeployedAt) return (null, $"{module} was deployed again since the last integration run");
        }
        var skip = $"{string.Join(", ", modules.Select(m => $"{m} {running[m].Release.Version} ({Short(running[m].Release.Identity)})"))} run in " +
            $"'{environment.Name}' " +
                   $"as deployed at {modules.Max(m => running[m].DeployedAt):u} and passed the application's integration tests ({tested.Passed} " +
                       "passed) " +
                   $"with the same tests at {tested.FinishedAt:u}";
        return (skip, skip);
    }

    /// <summary>The first characters of a digest, enough to tell releases apart in a message.</summary>
    public static string Short(string identity)
        => identity.StartsWith("sha256:", StringComparison.Ordinal) && identity.Length > 19 ? identity[..19] : identity;

    private static bool SameUrl(string a, string b) => string.Equals(a.TrimEnd('/'), b.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}
