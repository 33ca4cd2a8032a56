using Release.Delivery.Deploy;
using Release.Delivery.Verify;
using Release.Oci;
using Release.Process.Approvals;
using Release.Process.Promotion;
using Release.Releasing.Common;
using Release.Releasing.Records;

namespace Release.Releasing.Promotion;

/// <summary>
/// The signed release records as an automatic rollback's memory: the release to restore is the one
/// <see cref="RollbackPlanner"/> picks from the records that verify (as the manual Rollback does), its image and chart
/// by digest in the environment's repositories; the rollback is appended to the failed release's record as a
/// <see cref="ReleaseRolledBack"/> marked automatic, with the measurements, signed with the job's key.
/// </summary>
internal sealed class SignedRollbackRecords(IPromote build) : IRollbackRecords
{
    private const string Stage = "Automatic rollback";

    public async Task<VerifiedRelease?> PreviousAsync(EnvironmentDefinition environment, string failingVersion, CancellationToken ct)
    {
        DeploymentEnvironment target;
        try { target = build.PromotionChain.Get(environment.Name); }
        catch (ArgumentException e)
        {
            build.Log.Warning(
                $"{Stage}: '{environment.Name}' is not in the promotion chain, so the release records name no release to go back to ({e.Message}).");
            return null;
        }
        var records = await RecordsRepository.OpenAsync(build, ct).ConfigureAwait(false);
        await using var recordsDisposal = records.ConfigureAwait(false);
        var all = await new ReleaseRecordStore(records).ReadAllAsync(ct).ConfigureAwait(false);
        var history = ReleaseHistory.From(RecordTrust.TrustedAll(build, all));
        RollbackPlan plan;
        try { plan = new RollbackPlanner(build.PromotionChain).Plan(environment.Name, history.Deployments, history.Blessed); }
        catch (PromotionRefusedException e)
        {
            build.Log.Warning($"{Stage}: the release records name no release to go back to in '{environment.Name}': {string.Join(" ", e.Problems)}");
            return null;
        }
        if (plan.FromVersion.ToString() != failingVersion)
        {
            build.Log.Warning(
                $"{Stage}: the release records say '{environment.Name}' runs {plan.FromVersion}, not {failingVersion}: nothing is restored from " +
                    "them.");
            return null;
        }
        var restored = all.First(r => r.ReleaseId == plan.To.ReleaseId);
        var registry = await EnvironmentRegistry.ReadAsync(build, Stage, ct).ConfigureAwait(false);
        var charts = new EnvironmentCharts(build, registry, restored.Created);
        var blessed = history.Blessed.LastOrDefault(b => b.ReleaseId == plan.To.ReleaseId && b.ImageDigest == plan.To.ImageDigest);
        var chartDigest = blessed?.ChartDigest.Value ?? await charts.DigestInAsync(target, Stage, ct).ConfigureAwait(false);
        if (chartDigest is null)
        {
            build.Log.Warning($"{Stage}: the chart of {plan.To.ReleaseId} is not in {registry}/{charts.Repository(target)}:{charts.Tag}, so " +
                $"'{environment.Name}' cannot be restored to it by digest.");
            return null;
        }
        build.Log
            .Information($"{Stage}: the release records name {plan.To.ReleaseId} as the release '{environment.Name}' ran before {failingVersion}");
        return new VerifiedRelease(plan.To.Version.ToString(), restored.Created.Commit[..7],
            new OciReference(registry, build.EnvironmentRepository(target), digest: plan.To.ImageDigest.Value), null, charts.In(target, chartDigest));
    }

    public async Task RecordAsync(AutomaticRollback rollback, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rollback);
        var actor = await People.ActorAsync(build, $"{Stage} of '{rollback.Environment}'", ct).ConfigureAwait(false);
        var records = await RecordsRepository.OpenAsync(build, ct).ConfigureAwait(false);
        await using var recordsDisposal = records.ConfigureAwait(false);
        var releaseId = $"{build.Module}-{rollback.FromVersion}";
        var at = build.Clock.GetUtcNow();
        var recorded = await new ReleaseRecordStore(records).UpdateAsync(releaseId, actor,
            $"'{rollback.Environment}' rolled back automatically from {rollback.FromVersion} to {rollback.ToVersion}: {rollback.Reason}",
            existing => existing?.Append(
                new ReleaseRolledBack(at, rollback.Environment, rollback.ToVersion, actor, true, rollback.Reason, [.. rollback.Measurements])),
                    ct).ConfigureAwait(false);
        if (recorded) build.Log.Information($"{Stage} recorded on {releaseId} (signed by {actor})");
        else build.Log.Warning($"{Stage}: {releaseId} has no release record, so the rollback is recorded only in {build.Paths.VerifyDirectory()}.");
    }
}
