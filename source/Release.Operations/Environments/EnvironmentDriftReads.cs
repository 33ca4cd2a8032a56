using Release.Delivery.Deploy;
using Release.Delivery.Deploy.Local;
using Release.Environments.Drift;
using Release.Releasing.Records;

namespace Release.Operations.Environments;

/// <summary>
/// The drift comparisons that need the release records or the deployers: the records are read once per Drift run
/// (verified against the build's rosters, as Promote reads them) into one <see cref="PromotedState"/> per GitOps
/// environment; the local deployer's remembered instances are inspected per local environment.
/// </summary>
internal static class EnvironmentDriftReads
{
    /// <summary>The kind of what runs against what was deployed (as for clusters).</summary>
    public const string RuntimeKind = "runtime";

    /// <summary>Records drift of every GitOps environment, for the module the records are of.</summary>
    public static async Task<IReadOnlyList<DriftFinding>> RecordsAsync(IEnvironmentOperations build, DriftCheckInput input, CancellationToken ct)
    {
        var deployments = await RecordedDeployments.ReadAsync(build, ct).ConfigureAwait(false);
        var findings = new List<DriftFinding>();
        foreach (var environment in input.Environments.Environments.Where(e => e.IsGitOps))
        {
            var here = deployments.Where(d => d.Environment == environment.Name).ToList();
            var current = here.LastOrDefault();
            var state = new PromotedState(environment.Name, current?.Version.ToString(), current?.ImageDigest.ToString(),
                here.Select(d => d.ImageDigest.ToString()).ToHashSet(StringComparer.Ordinal));
            // The records are of the build's module (one release record per module version): other modules' pins are not theirs to judge.
            var pinned = PinnedImage.Read(input.RepositoryRoot, environment.Name).Where(p => p.Key == build.Module)
                .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            findings.AddRange(RecordsDrift.Findings(state, pinned));
        }
        return findings;
    }

    /// <summary>Runtime drift of every environment the local deployer serves.</summary>
    public static async Task<IReadOnlyList<DriftFinding>> LocalRuntimeAsync(IEnvironmentOperations build, DriftCheckInput input, CancellationToken ct)
    {
        var findings = new List<DriftFinding>();
        foreach (var environment in input.Environments.Environments.Where(e => e.Deployer == Deployers.Local))
            findings.AddRange((await LocalRuntimeCheck.DifferencesAsync(build, environment.Name, ct).ConfigureAwait(false)).Select(d =>
                new DriftFinding(RuntimeKind, environment.Name, d.Module, d.Field, d.Expected, d.Found, d.Repair)));
        return findings;
    }
}
