using Release.Engine;
using Release.Process.Applications.Releases;
using Release.Process.Approvals;
using Release.Process.Promotion;
using Release.Releasing.Approvals;
using Release.Releasing.Common;
using Release.Releasing.Promotion;
using Release.Releasing.Records;
using Release.SemVer;

namespace Release.Releasing.Sets;

/// <summary>
/// What RollbackSet does: <see cref="SetRollbackPlanner"/> picks the set to go back to (the one that ran before the
/// current one arrived, blessed where the step requires it, or <c>--to</c>) and the order the modules go back in; the
/// environment's own repositories must still hold that set's digests (they ran there), every module is deployed at
/// that set's pins through the environment's deployer, and the rollback is recorded on the set it left
/// (<see cref="ReleaseRolledBack"/>), so <see cref="SetHistory.Current"/> answers the restored set.
/// </summary>
internal sealed class RollbackSetStep(IReleaseSets build)
{
    private const string Command = "RollbackSet";

    public async Task RunAsync(CancellationToken ct)
    {
        var environment = ((IGoNoGo)build).Environment?.Trim() is { Length: > 0 } named ? named
            : throw new BuildInputException(
                $"{Command}: --environment is not given: name the environment to roll back, e.g. --environment production.");
        SemanticVersion? to = null;
        if (build.To is not null && !SemanticVersion.TryParse(build.To.Trim().TrimStart('v'), out to, out var error))
            throw new BuildInputException(
                $"{Command}: --to '{build.To}' is not a version ({error}). Pass the application release to restore, e.g. --to 1.0.0, or leave it " +
                "out for the previous one.");
        var actor = await People.ActorAsync(build, $"Rollback of application {build.Application.Name} in '{environment}'", ct).ConfigureAwait(false);
        var records = await RecordsRepository.OpenAsync(build, ct).ConfigureAwait(false);
        await using var recordsDisposal = records.ConfigureAwait(false);
        var store = new ReleaseRecordStore(records);
        var known = await ApplicationSets.ReadAsync(build, store, ct).ConfigureAwait(false);
        var chain = build.SetChain;

        SetRollbackPlan plan;
        try { plan = new SetRollbackPlanner(chain, build.Application.Graph).Plan(environment, known.History.Deployments, known.History.Blessed, to); }
        catch (PromotionRefusedException e) { throw new BuildInputException($"{Command}: " + string.Join("\n- ", e.Problems), e); }
        SetEnvironments.Check(build, Command, [environment], e => chain.Steps[chain.StepIndexOf(e)].RequiresBlessing);
        var pipeline = await SetSources.PipelineAsync(build, ct).ConfigureAwait(false);
        var registry = EnvironmentRegistry.Of(build, pipeline.Values.Select(p => p.Push).FirstOrDefault(), Command);

        build.Log.Information($"{Command}: rolling '{environment}' back from {plan.From.Title} to {plan.To.Title} by {actor}; modules going back: " +
                              (plan.Waves.Count == 0 ? "none (the sets pin the same artefacts)" : string.Join(" then ", plan.Waves.Select(w =>
                                  string.Join(" + ", w.Select(m => $"{m} {plan.From.PinOf(m)!.Version} -> {plan.To.PinOf(m)!.Version}"))))));
        // The restored set ran here: its images and charts are in this environment's repositories, by digest.
        var missing = await new SetSources(build, registry, chain, pipeline)
            .MissingAsync(environment, plan.To, ct).ConfigureAwait(false);
        if (missing.Count > 0)
            throw new ReleaseRefusedException($"{Command}: '{environment}' cannot go back to {plan.To.Title} by digest: " +
                                              string.Join("; ", missing) +
                                              ". Promote that set to the environment again, or fix forward with a new release.");
        await new SetDeployer(build, registry, actor, Command).DeployAsync(environment, plan.To, [], ct).ConfigureAwait(false);
        var at = build.Clock.GetUtcNow();
        await store.UpdateAsync(SetRecords.ReleaseId(plan.From), actor, $"'{environment}' rolled back to {plan.To.Title} by {actor}", existing =>
            existing!.Append(new ReleaseRolledBack(at, environment, plan.To.Version.ToString(), actor)), ct).ConfigureAwait(false);
        build.Log.Information($"{Command}: '{environment}' runs {plan.To.Title} again");
        build.ReportSummary(environment, $"rolled back {plan.From.Version} -> {plan.To.Version} ({plan.To.Digest})");
    }
}
