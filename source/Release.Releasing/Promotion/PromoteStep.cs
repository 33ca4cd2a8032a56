using Release.Delivery.Chart;
using Release.Delivery.Push;
using Release.Process.Approvals;
using Release.Process.Promotion;
using Release.Process.Versioning;
using Release.Releasing.Approvals;
using Release.Releasing.Common;
using Release.Releasing.Records;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;
using Release.Oci;

namespace Release.Releasing.Promotion;

/// <summary>
/// What the Promote target does. <see cref="PromotionPlanner"/> decides (chain order, previous environment first,
/// blessed digests only where required, no overwritten version); this class copies image and chart by digest, deploys
/// through the environment's deployer and records each environment as it completes, so the record always says what
/// really happened. Every environment's deployer is checked before anything is copied.
/// </summary>
internal sealed class PromoteStep(IPromote build)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var selection = await ReleaseSelection.ResolveAsync(build, ct);
        var targets = build.To!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var actor = await People.ActorAsync(build, $"Promote release {selection.Id}", ct);
        var paths = build.ReleasePaths.Stages;
        var push = paths.PushRecord.FileExists() ? await StageRecord.ReadAsync<PushRecord>(paths.PushRecord, "Push", ct) : null;
        var builtChart = paths.ChartRecord.FileExists() ? await StageRecord.ReadAsync<ChartRecord>(paths.ChartRecord, "Chart", ct) : null;

        await using var records = await RecordsRepository.OpenAsync(build, ct);
        var store = new ReleaseRecordStore(records);
        var stored = await store.ReadAsync(selection.Id, ct);
        var record = RecordTrust.Trusted(build, stored);
        var history = ReleaseHistory.From(RecordTrust.TrustedAll(build, await store.ReadAllAsync(ct)));
        var digest = await DigestAsync(record, push, ct);

        IReadOnlyList<PromotionStep> plan;
        try
        {
            plan = new PromotionPlanner(build.PromotionChain).Plan(new PromotionRequest(selection.Id, selection.Version, digest, targets), history.Blessed, history.Deployments);
        }
        catch (PromotionRefusedException e)
        {
            throw new ReleaseRefusedException($"Promote: release {selection.Id} refused:\n- " + string.Join("\n- ", e.Problems), e);
        }
        await CheckGatesAsync(plan, stored, ct);

        var deployers = plan.ToDictionary(step => step.Environment, step => build.ReleaseDeployerFor(build.PromotionChain.Get(step.Environment)));

        var registry = Registry(push);
        var commit = record.Created.Commit[..7];
        var charts = new EnvironmentCharts(build, registry, selection.Version, record.Created.Commit);
        var chartDigest = await ChartDigestAsync(record, builtChart, charts, ct);
        foreach (var step in plan)
        {
            var environment = build.PromotionChain.Get(step.Environment);
            var from = SourceOf(environment, step.ImageDigest.Value, history, plan, push, registry);
            var repository = build.EnvironmentRepository(environment);
            build.Log.Information($"Promoting {selection.Id} to '{environment.Name}': copying {from} to {registry}/{repository}:{charts.Tag}");
            var copy = await build.Promoter.PromoteAsync(from, registry, repository, charts.Tag, "Promote", ct);
            var image = new OciReference(registry, repository, digest: copy.Digest.ToString());

            var chartFrom = ChartSourceOf(environment, chartDigest, history, step.ImageDigest.Value, plan, builtChart, registry);
            build.Log.Information($"Promoting the chart of {selection.Id} to '{environment.Name}': copying {chartFrom} to {registry}/{charts.Repository(environment)}:{charts.Tag}");
            var chartCopy = await build.Promoter.PromoteAsync(chartFrom, registry, charts.Repository(environment), charts.Tag, "Promote", ct);
            var chart = charts.In(environment, chartCopy.Digest.ToString());

            var at = build.Clock.GetUtcNow();
            var where = await deployers[step.Environment].DeployAsync(
                new ReleaseDeployment(environment, selection.Id, selection.Version.ToString(), commit, image, chart, actor, at), ct);
            await store.UpdateAsync(selection.Id, actor, $"promoted to '{environment.Name}' by {actor}", existing =>
                existing!.Append(new ReleasePromoted(at, environment.Name, image.Digest, actor)), ct);
            build.Log.Information($"'{environment.Name}' runs {selection.Id} ({image}, chart {chart.Digest}): {where}");
            build.ReportSummary(environment.Name, $"{selection.Version} {image.Digest}");
        }
    }

    // The chart a release is promoted with: the blessed one, else the one an environment already holds under the
    // release's tag, else the one this pipeline published (same commit only).
    private async Task<string> ChartDigestAsync(ReleaseRecord record, ChartRecord? built, EnvironmentCharts charts, CancellationToken ct)
    {
        if (record.Events.OfType<ReleaseBlessed>().LastOrDefault() is { } blessed) return blessed.ChartDigest;
        foreach (var environment in record.Events.OfType<ReleasePromoted>().Select(p => p.Environment).Distinct().Reverse())
        {
            if (!build.PromotionChain.Environments.Any(e => e.Name == environment)) continue;
            if (await charts.DigestInAsync(build.PromotionChain.Get(environment), "Promote", ct) is { } digest) return digest;
        }
        if (built is null)
            throw new ReleaseRefusedException(
                $"Promote: the chart of release {record.ReleaseId} is unknown: it is not blessed, no environment holds it, and {build.Paths.ChartRecord} is missing. " +
                "Run Chart in the pipeline that built the release, and promote from there.");
        var source = await StageRecord.ReadAsync<SourceRecord>(build.Paths.SourceRecord, "Clone", ct);
        if (source.Commit != record.Created.Commit)
            throw new ReleaseRefusedException(
                $"Promote: release {record.ReleaseId} is commit {record.Created.Commit[..7]}, but this pipeline's chart ({build.Paths.ChartRecord}) is of commit {source.ShortCommit}. Promote from the pipeline that built it.");
        return built.ManifestDigest;
    }

    // The previous environment's chart repository when the release is (or is being) deployed there, else Chart's.
    private OciReference ChartSourceOf(DeploymentEnvironment environment, string chartDigest, ReleaseHistory history, string imageDigest,
        IReadOnlyList<PromotionStep> plan, ChartRecord? built, string registry)
    {
        var index = build.PromotionChain.IndexOf(environment.Name);
        if (index > 0)
        {
            var previous = build.PromotionChain.Environments[index - 1];
            if (history.Deployments.Any(d => d.Environment == previous.Name && d.ImageDigest.Value == imageDigest) || plan.Any(s => s.Environment == previous.Name))
                return new OciReference(registry, build.EnvironmentChartRepository(previous), digest: chartDigest);
        }
        if (built is null || built.ManifestDigest != chartDigest)
            throw new ReleaseRefusedException(
                $"Promote: the chart {chartDigest} is in no earlier environment and this pipeline did not publish it ({build.Paths.ChartRecord}). Promote from the pipeline that built it.");
        return built.Chart.ByDigest();
    }

    // The digest a release is promoted with: the blessed one, else the one already promoted, else this build's push.
    private Task<string> DigestAsync(ReleaseRecord record, PushRecord? push, CancellationToken ct)
    {
        if (record.Events.OfType<ReleaseBlessed>().LastOrDefault() is { } blessed) return Task.FromResult(blessed.ImageDigest);
        if (record.Events.OfType<ReleasePromoted>().LastOrDefault() is { } promoted) return Task.FromResult(promoted.ImageDigest);
        if (push is null)
            throw new ReleaseRefusedException($"Promote: release {record.ReleaseId} was never pushed by this pipeline ({build.Paths.PushRecord} is missing) nor promoted. Run Push first.");
        return CheckSameCommitAsync(record, push, ct);
    }

    private async Task<string> CheckSameCommitAsync(ReleaseRecord record, PushRecord push, CancellationToken ct)
    {
        var source = await StageRecord.ReadAsync<SourceRecord>(build.Paths.SourceRecord, "Clone", ct);
        if (source.Commit != record.Created.Commit)
            throw new ReleaseRefusedException(
                $"Promote: release {record.ReleaseId} is commit {record.Created.Commit[..7]}, but this pipeline pushed commit {source.ShortCommit}. Promote from the pipeline that built it.");
        return push.Digest;
    }

    private async Task CheckGatesAsync(IReadOnlyList<PromotionStep> plan, ReleaseRecord record, CancellationToken ct)
    {
        var evidence = await PipelineEvidenceKeys.ReadAsync(build.ReleasePaths, RecordTrust.Trusted(build, record), ct);
        foreach (var step in plan)
        {
            if (build.Gates.FirstOrDefault(g => g.Environment == step.Environment) is not { } gate) continue;
            var decision = GateEvaluation.Decide(build, gate, record, evidence);
            if (GateEvaluation.IsProductionLike(build, step.Environment))
            {
                // The blessing stands for the gate as it was; a NoGo recorded since revokes it until its voter, or an
                // owner of its role on the roster, lifts it.
                if (decision.Vetoes.Count > 0)
                    throw new ReleaseRefusedException(
                        $"Promote: a veto stands on '{step.Environment}' for {record.ReleaseId}, so its blessing does not hold:\n- " + string.Join("\n- ", decision.Vetoes) +
                        $"\nThe voter lifts it with a signed Go in the same role, or an owner of that role on the roster ('owner' on their roster line) does: ./build.sh Vote --release {record.Created.Version} --environment {step.Environment} " +
                        "--role ROLE --decision go --reason \"...\" --signing-key THEIR-KEY (inside the voting window).");
                // A blessing counts only with the signed votes behind it: one signed by a roster key but recorded
                // around Bless (straight into the records repository) has no quorum to stand on.
                var needed = gate.Quorum.Needed(gate.RequiredRoles.Count);
                if (decision.GoRoles.Count < needed)
                    throw new ReleaseRefusedException(
                        $"Promote: the blessing of {record.ReleaseId} does not stand: the signed votes at '{step.Environment}' give Go from {decision.GoRoles.Count} " +
                        $"of {gate.RequiredRoles.Count} roles ({needed} needed; Go from: {string.Join(", ", decision.GoRoles)}). Collect the missing votes and run Bless again.");
                continue;
            }
            if (!decision.Passed)
                throw new ReleaseRefusedException($"Promote: the gate of '{step.Environment}' is blocked for {record.ReleaseId}:\n- " + string.Join("\n- ", decision.Blockers));
        }
    }

    private string Registry(PushRecord? push) =>
        !string.IsNullOrWhiteSpace(build.PromotionRegistry) ? build.PromotionRegistry.Trim()
        : push?.Registry ?? throw new ReleaseRefusedException("Promote: no registry for the environment repositories: pass --promotion-registry HOST:PORT.");

    // The previous environment's repository when it holds the digest (in history or earlier in this plan), else Push's.
    private OciReference SourceOf(DeploymentEnvironment environment, string digest, ReleaseHistory history,
        IReadOnlyList<PromotionStep> plan, PushRecord? push, string registry)
    {
        var index = build.PromotionChain.IndexOf(environment.Name);
        if (index > 0)
        {
            var previous = build.PromotionChain.Environments[index - 1];
            if (history.Deployments.Any(d => d.Environment == previous.Name && d.ImageDigest.Value == digest) || plan.Any(s => s.Environment == previous.Name))
                return new OciReference(registry, build.EnvironmentRepository(previous), digest: digest);
        }
        if (push is null || push.Digest != digest)
            throw new ReleaseRefusedException($"Promote: the image {digest} is in no earlier environment and this pipeline did not push it. Promote from the pipeline that pushed it.");
        return push.Image.ByDigest();
    }
}
