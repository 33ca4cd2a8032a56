using Release.Delivery.ApplicationDelivery;
using Release.Engine;
using Release.Process.Applications.Releases;
using Release.Process.Promotion;
using Release.Releasing.Common;
using Release.Releasing.Promotion;
using Release.Releasing.Records;

namespace Release.Releasing.Sets;

/// <summary>
/// What PromoteSet does. <see cref="BatchPromotionPlanner"/> decides (one step of the chain, the step before holding the
/// set, blessed sets with exactly the blessed digests where the step requires it, each environment's modules in
/// dependency order); every environment is checked, the gates guarding it pass (<see cref="PromotionGates"/>: for
/// production, no veto since the blessing) and every module's source is found before anything is copied. The
/// environments of the batch then go at the same time, each through its deployer (<see cref="SetDeployer"/>);
/// <see cref="BatchOutcome"/> decides what stays, the environments it puts back get the set they ran, and one records
/// commit, naming the batch, adds a promotion event for each environment that keeps the new set.
/// </summary>
internal sealed class PromoteSetStep(IReleaseSets build)
{
    private const string Command = "PromoteSet";

    public async Task RunAsync(CancellationToken ct)
    {
        var selection = SetSelection.Of(build, Command);
        var targets = (build.To ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var actor = await People.ActorAsync(build, $"Promote application release {selection.Id} to {string.Join(", ", targets)}", ct)
            .ConfigureAwait(false);
        var records = await RecordsRepository.OpenAsync(build, ct).ConfigureAwait(false);
        await using var recordsDisposal = records.ConfigureAwait(false);
        var store = new ReleaseRecordStore(records);
        var known = await ApplicationSets.ReadAsync(build, store, ct).ConfigureAwait(false);
        var set = known.Get(selection, Command, records.Shown);
        var chain = build.SetChain;

        BatchPlan plan;
        try { plan = new BatchPromotionPlanner(chain, build.Application.Graph).Plan(new SetPromotionRequest(set, targets), known.History.Blessed,
            known.History.Deployments); }
        catch (PromotionRefusedException e)
        {
            var problems = e.Problems.Concat(BlessedDifference.Of(set, targets, chain, known.History.Blessed));
            throw new BuildInputException($"{Command}: application release {set.Title} refused:\n- " + string.Join("\n- ", problems), e);
        }
        SetEnvironments.Check(build, Command, plan.Environments.Select(e => e.Environment), _ => plan.Step.RequiresBlessing);
        await PromotionGates.CheckAsync(build, Command, plan.Environments.Select(e => e.Environment), await store.ReadAsync(selection.Id, ct)
            .ConfigureAwait(false), $"VoteSet --set {set.Version}", "BlessSet", ct).ConfigureAwait(false);
        var pipeline = await SetSources.PipelineAsync(build, ct).ConfigureAwait(false);
        var registry = EnvironmentRegistry.Of(build, pipeline.Values.Select(p => p.Push).FirstOrDefault(), Command);
        var sources = new SetSources(build, registry, chain, pipeline);
        var copies = new Dictionary<string, IReadOnlyList<ModuleSource>>(StringComparer.Ordinal);
        foreach (var environment in plan.Environments)
            copies[environment.Environment] = await sources.ForAsync(environment.Environment, set, environment.Rollout.Changed, ct)
                .ConfigureAwait(false);

        build.Log.Information($"{Command}: {plan.Approval}, approved by {actor}:\n" + string.Join("\n", plan.Environments.Select(e =>
            $"  {e.Environment}: runs {e.Running?.Title ?? "nothing"}; changes {(e.Rollout.Changed.Count == 0 ? "nothing" : string.Join(", ",
                e.Rollout.Changed.Select(m => $"{m} ({e.Rollout.ReasonFor(m)})")))}")));
        var deployer = new SetDeployer(build, registry, actor, Command);
        var answers = await Task.WhenAll(plan.Environments.Select(async environment =>
        {
            try
            {
                await deployer.DeployAsync(environment.Environment, set, copies[environment.Environment], ct).ConfigureAwait(false);
                return (environment.Environment, Failure: (string?)null);
            }
            catch (InvalidOperationException e)
            {
                build.Log.Error($"{Command}: '{environment.Environment}' failed: {e.Message}");
                return (environment.Environment, Failure: e.Message);
            }
        })).ConfigureAwait(false);
        var outcome = BatchOutcome.Decide(plan, answers.ToDictionary(a => a.Environment, a => a.Failure, StringComparer.Ordinal));

        var restoreFailures = new List<string>();
        foreach (var reverted in outcome.Environments.Where(e => e.Result == BatchResult.Reverted))
        {
            try
            {
                build.Log.Information($"{Command}: putting '{reverted.Environment}' back on {reverted.RestoreTo?.Title ?? "nothing"} " +
                                      $"({reverted.Detail})");
                if (reverted.RestoreTo is null)
                    await ApplicationReleaseDeployer.RemoveAsync(build, reverted.Environment, actor, ct).ConfigureAwait(false);
                else
                    await deployer.DeployAsync(reverted.Environment, reverted.RestoreTo, [], ct).ConfigureAwait(false);
            }
            catch (InvalidOperationException e)
            {
                restoreFailures.Add($"'{reverted.Environment}' could not be put back: {e.Message}");
            }
        }

        var kept = outcome.Environments.Where(e => e.Result == BatchResult.Promoted).Select(e => e.Environment).ToList();
        if (kept.Count > 0)
        {
            var at = build.Clock.GetUtcNow();
            await store.UpdateAsync(selection.Id, actor, $"{plan.Approval}: {string.Join("; ", outcome.Report)}", existing =>
                kept.Aggregate(existing!, (record, environment) => record.Append(SetRecords.Promotion(set, environment, actor, at))), ct)
                .ConfigureAwait(false);
        }
        foreach (var line in outcome.Report) build.Log.Information($"{Command}: {line}");
        foreach (var environment in outcome.Environments)
            build.ReportSummary(environment.Environment, environment.Result == BatchResult.Promoted
                ? $"{set.Application} {set.Version} {set.Digest}"
                : $"{environment.Result.ToString().ToLowerInvariant()}: back on {environment.RestoreTo?.Title ?? "nothing"}");
        if (!outcome.Succeeded || restoreFailures.Count > 0)
            throw new ReleaseRefusedException($"{Command}: the batch {plan.Approval} did not complete:\n- " +
                                              string.Join("\n- ", outcome.Report.Concat(restoreFailures)));
    }
}
