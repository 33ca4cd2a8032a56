using Release.Engine;
using Release.Delivery.Push;
using Release.Process.Approvals;
using Release.Process.Promotion;
using Release.Process.Versioning;
using Release.Releasing.Approvals;
using Release.Releasing.Common;
using Release.Releasing.Records;
using Release.SemVer;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;
using Release.Oci;

namespace Release.Releasing.Promotion;

/// <summary>
/// What the Rollback target does: <see cref="RollbackPlanner"/> picks the release to restore; its image and chart are
/// taken by digest from the environment's own repositories (for production: the blessed digests), deployed through
/// the environment's deployer, and the rollback is recorded on the release it replaced.
/// </summary>
internal sealed class RollbackStep(IPromote build)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var environment = ((IGoNoGo)build).Environment!.Trim();
        SemanticVersion? to = null;
        if (build.To is not null && !SemanticVersion.TryParse(build.To.Trim().TrimStart('v'), out to, out var error))
            throw new BuildInputException(
                $"Rollback: --to '{build.To}' is not a version ({error}). Pass e.g. --to 1.3.0, or leave it out for the previous release.");
        DeploymentEnvironment target;
        try { target = build.PromotionChain.Get(environment); }
        catch (ArgumentException e) { throw new ReleaseRefusedException($"Rollback: {e.Message}", e); }
        var actor = await People.ActorAsync(build, $"Rollback of '{environment}'", ct).ConfigureAwait(false);

        var records = await RecordsRepository.OpenAsync(build, ct).ConfigureAwait(false);
        await using var recordsDisposal = records.ConfigureAwait(false);
        var store = new ReleaseRecordStore(records);
        var all = await store.ReadAllAsync(ct).ConfigureAwait(false);
        var history = ReleaseHistory.From(RecordTrust.TrustedAll(build, all));
        RollbackPlan plan;
        try { plan = new RollbackPlanner(build.PromotionChain).Plan(environment, history.Deployments, history.Blessed, to); }
        catch (PromotionRefusedException e) { throw new ReleaseRefusedException("Rollback: " + string.Join("\n- ", e.Problems), e); }
        var current = history.Current(environment)!;

        var registry = await EnvironmentRegistry.ReadAsync(build, "Rollback", ct).ConfigureAwait(false);
        var deployer = build.ReleaseDeployerFor(target);
        var repository = build.EnvironmentRepository(target);
        var restored = all.First(r => r.ReleaseId == plan.To.ReleaseId);
        var charts = new EnvironmentCharts(build, registry, restored.Created);
        var blessed = history.Blessed.LastOrDefault(b => b.ReleaseId == plan.To.ReleaseId && b.ImageDigest == plan.To.ImageDigest);
        var chartDigest = blessed?.ChartDigest.Value ?? await charts.DigestInAsync(target, "Rollback", ct).ConfigureAwait(false)
            ?? throw new ReleaseRefusedException(
                $"Rollback: the chart of {plan.To.ReleaseId} is not in {registry}/{charts.Repository(target)}:{charts.Tag}, so '{environment}' " +
                    "cannot be restored to it " +
                "by digest. Promote that release to the environment again, or fix forward with a new release.");
        var image = new OciReference(registry, repository, digest: plan.To.ImageDigest.Value);
        build.Log.Information($"Rolling '{environment}' back from {plan.FromVersion} to {plan.To.Version} (image {image}, chart {chartDigest})");
        // Copies within the environment's repositories: they prove both digests are still there under the release's immutable tag.
        await build.Promoter.PromoteAsync(image, registry, repository, charts.Tag, "Rollback", ct).ConfigureAwait(false);
        var chartCopy = await build.Promoter.PromoteAsync(new OciReference(registry, charts.Repository(target), digest: chartDigest),
            registry, charts.Repository(target), charts.Tag, "Rollback", ct).ConfigureAwait(false);
        var at = build.Clock.GetUtcNow();
        var where = await deployer
            .DeployAsync(new ReleaseDeployment(target, plan.To.ReleaseId, plan.To.Version.ToString(), restored.Created.Commit[..7],
                image, charts.In(target, chartCopy.Digest.ToString()), actor, at), ct)
            .ConfigureAwait(false);
        await store.UpdateAsync(current.ReleaseId, actor, $"'{environment}' rolled back to {plan.To.Version} by {actor}", existing =>
            existing!.Append(new ReleaseRolledBack(at, environment, plan.To.Version.ToString(), actor)), ct).ConfigureAwait(false);
        build.Log.Information($"'{environment}' runs {plan.To.ReleaseId} again: {where}");
        build.ReportSummary(environment, $"rolled back {plan.FromVersion} -> {plan.To.Version}");
        await ChatOps.ReleaseChannel.ReportAsync(build, $"{environment} rolled back from {plan.FromVersion} to {plan.To.Version}",
            [("Release", plan.To.ReleaseId), ("Image", image.ToString()), ("By", actor), ("Where", where)], ct).ConfigureAwait(false);
    }
}
