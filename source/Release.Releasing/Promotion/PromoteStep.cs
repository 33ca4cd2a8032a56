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
        var selection = await ReleaseSelection.ResolveAsync(build, ct).ConfigureAwait(false);
        var targets = build.To!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var actor = await People.ActorAsync(build, $"Promote release {selection.Id}", ct).ConfigureAwait(false);
        var paths = build.ReleasePaths.Stages;
        var push = paths.PushRecord.FileExists() ? await StageRecord.ReadAsync<PushRecord>(paths.PushRecord, "Push", ct).ConfigureAwait(false) : null;
        var builtChart = paths.ChartRecord.FileExists()
            ? await StageRecord.ReadAsync<ChartRecord>(paths.ChartRecord, "Chart", ct).ConfigureAwait(false)
            : null;

        var records = await RecordsRepository.OpenAsync(build, ct).ConfigureAwait(false);
        await using var recordsDisposal = records.ConfigureAwait(false);
        var store = new ReleaseRecordStore(records);
        var stored = await store.ReadAsync(selection.Id, ct).ConfigureAwait(false);
        var record = RecordTrust.Trusted(build, stored);
        var history = ReleaseHistory.From(RecordTrust.TrustedAll(build, await store.ReadAllAsync(ct).ConfigureAwait(false)));
        var pipeline = await PipelineArtifactsAsync(push, builtChart, ct).ConfigureAwait(false);
        var sources = new PromotionSources(build.PromotionChain);
        var digest = Decided(() => sources.ImageDigest(record, pipeline));

        IReadOnlyList<PromotionStep> plan;
        try
        {
            plan = new PromotionPlanner(build.PromotionChain).Plan(
                new PromotionRequest(selection.Id, selection.Version, digest, targets),
                history.Blessed,
                history.Deployments);
        }
        catch (PromotionRefusedException e)
        {
            throw new ReleaseRefusedException($"Promote: release {selection.Id} refused:\n- " + string.Join("\n- ", e.Problems), e);
        }
        await PromotionGates.CheckAsync(build, "Promote", plan.Select(s => s.Environment), stored,
            $"Vote --release {stored.Created.Version}", "Bless", ct).ConfigureAwait(false);

        var deployers = plan.ToDictionary(step => step.Environment, step => build.ReleaseDeployerFor(build.PromotionChain.Get(step.Environment)));

        var registry = EnvironmentRegistry.Of(build, push, "Promote");
        var commit = record.Created.Commit[..7];
        var charts = new EnvironmentCharts(build, registry, record.Created);
        var chartDigest = await ChartDigestAsync(sources, record, pipeline, charts, ct).ConfigureAwait(false);
        foreach (var step in plan)
        {
            var environment = build.PromotionChain.Get(step.Environment);
            // Both sources are decided before anything is copied: a refusal leaves no half-promoted environment.
            var source = Decided(() => sources.SourceOf(step, plan, history.Deployments, pipeline, chartDigest));
            var from = source.Previous is { } previous
                ? new OciReference(registry, build.EnvironmentRepository(previous), digest: step.ImageDigest.Value)
                : push!.Image.WithTag(null).WithDigest(step.ImageDigest.Value);
            var chartFrom = source.Previous is { } holder
                ? new OciReference(registry, build.EnvironmentChartRepository(holder), digest: chartDigest)
                : builtChart!.Chart.WithTag(null).WithDigest(chartDigest);

            var repository = build.EnvironmentRepository(environment);
            build.Log.Information($"Promoting {selection.Id} to '{environment.Name}': copying {from} to {registry}/{repository}:{charts.Tag}");
            var copy = await build.Promoter.PromoteAsync(from, registry, repository, charts.Tag, "Promote", ct).ConfigureAwait(false);
            var image = new OciReference(registry, repository, digest: copy.Digest.ToString());

            build.Log.Information($"Promoting the chart of {selection.Id} to '{environment.Name}': copying {chartFrom} to " +
                $"{registry}/{charts.Repository(environment)}:{charts.Tag}");
            var chartCopy = await build.Promoter.PromoteAsync(chartFrom, registry, charts.Repository(environment), charts.Tag, "Promote", ct)
                .ConfigureAwait(false);
            var chart = charts.In(environment, chartCopy.Digest.ToString());

            var at = build.Clock.GetUtcNow();
            var where = await deployers[step.Environment].DeployAsync(
                new ReleaseDeployment(environment, selection.Id, selection.Version
                    .ToString(), commit, image, chart, actor, at), ct).ConfigureAwait(false);
            await store.UpdateAsync(selection.Id, actor, $"promoted to '{environment.Name}' by {actor}", existing =>
                existing!.Append(new ReleasePromoted(at, environment.Name, copy.Digest.ToString(), actor)), ct).ConfigureAwait(false);
            build.Log.Information($"'{environment.Name}' runs {selection.Id} ({image}, chart {chart.Digest}): {where}");
            // A GitOps environment that serves a URL is checked once it runs the release (local and helm ones were checked
            // by the deployment itself); a failing release is rolled back without a person, and Promote fails.
            if (build is Delivery.Verify.IVerifyDeployment verify
                && deployers[step.Environment] is DeclaredEnvironmentDeployer { Declared: { Deployer: Delivery.Deploy.Deployers
                    .GitOps, Url: not null } })
                await verify.CheckDeploymentAsync(environment.Name, ct).ConfigureAwait(false);
            build.ReportSummary(environment.Name, $"{selection.Version} {image.Digest}");
            await ChatOps.ReleaseChannel.ReportAsync(build, $"{selection.Id} promoted to {environment.Name}",
                [("Image", image.ToString()), ("Chart", chart
                    .Digest), ("Commit", commit), ("By", actor), ("Where", where)], ct).ConfigureAwait(false);
        }
    }

    // The chart a release is promoted with: the blessed one, else the one an environment already holds under the
    // release's tag, else the one this pipeline published (same commit only). The rule orders them; this asks the registry.
    private async Task<string> ChartDigestAsync(
        PromotionSources sources,
        ReleaseRecord record,
        PipelineArtifacts pipeline,
        EnvironmentCharts charts,
        CancellationToken ct)
    {
        if (PromotionSources.BlessedChart(record) is { } blessed) return blessed;
        foreach (var environment in sources.ChartHolders(record))
            if (await charts.DigestInAsync(environment, "Promote", ct).ConfigureAwait(false) is { } digest) return digest;
        return Decided(() => PromotionSources.PipelineChart(record, pipeline));
    }

    // Clone's commit is read only when this pipeline published something: a promotion of a blessed or promoted
    // release from another pipeline needs no Clone.
    private async Task<PipelineArtifacts> PipelineArtifactsAsync(PushRecord? push, ChartRecord? chart, CancellationToken ct)
    {
        if (push is null && chart is null) return new PipelineArtifacts(null, null, null);
        var source = await PipelineRecords.ReadSourceAsync(build.Paths, ct).ConfigureAwait(false);
        return new PipelineArtifacts(source.Commit, push?.Digest, chart?.ManifestDigest);
    }

    private T Decided<T>(Func<T> decision)
    {
        try { return decision(); }
        catch (PromotionRefusedException e)
        {
            throw new ReleaseRefusedException("Promote: " + string.Join("\n- ", e.Problems) + Where(e), e);
        }
    }

    // The rule speaks of "this pipeline"; the user is told which of its records that is.
    private string Where(PromotionRefusedException e) =>
        e.Problems.Any(p => p.Contains("this pipeline", StringComparison.Ordinal))
            ? $" (this pipeline's records: {build.Paths.PushRecord}, {build.Paths.ChartRecord}, {build.Paths.SourceRecord})"
            : "";
}
