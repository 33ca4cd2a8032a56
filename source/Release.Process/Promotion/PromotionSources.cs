using Release.Process.Approvals;

namespace Release.Process.Promotion;

/// <summary>What the running pipeline built: its commit and the digests it published (null where it published nothing).</summary>
/// <param name="Commit">The commit the pipeline built (Clone's), or null when it cloned nothing.</param>
/// <param name="ImageDigest">The digest Push pushed, or null.</param>
/// <param name="ChartDigest">The digest Chart published, or null.</param>
public sealed record PipelineArtifacts(string? Commit, string? ImageDigest, string? ChartDigest);

/// <summary>
/// Where a promotion step copies from: the previous environment's repositories, or (when <see cref="Previous"/> is
/// null) what this pipeline published.
/// </summary>
/// <param name="Previous">The environment before the target in the chain, holding the release; null for this pipeline's push.</param>
public sealed record PromotionSource(DeploymentEnvironment? Previous)
{
    /// <summary>True when the copy comes from what this pipeline published.</summary>
    public bool FromThisPipeline => Previous is null;
}

/// <summary>
/// Decides which image and chart a promotion carries and where each step copies them from. A release travels by
/// digest: the blessed one, else the one already promoted, else what the pipeline that built it (same commit only)
/// published. A step copies from the previous environment when that environment holds the release (deployed there
/// before, or earlier in the same plan), else from the pipeline's own push. Nothing here touches a registry: the
/// step carries the decision out.
/// </summary>
/// <param name="chain">The environments in order.</param>
public sealed class PromotionSources(EnvironmentChain chain)
{
    /// <summary>The image digest to promote <paramref name="record"/> with.</summary>
    /// <exception cref="PromotionRefusedException">It was never blessed nor promoted and this pipeline did not push it.</exception>
    public string ImageDigest(ReleaseRecord record, PipelineArtifacts pipeline)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(pipeline);
        if (record.Events.OfType<ReleaseBlessed>().LastOrDefault() is { } blessed) return blessed.ImageDigest;
        if (record.Events.OfType<ReleasePromoted>().LastOrDefault() is { } promoted) return promoted.ImageDigest;
        if (pipeline.ImageDigest is null)
            throw Refused($"release {record.ReleaseId} was never pushed by this pipeline nor promoted. Run Push first.");
        CheckSameCommit(record, pipeline, "pushed");
        return pipeline.ImageDigest;
    }

    /// <summary>The chart digest of a blessed release, or null (the chart is then looked up in <see cref="ChartHolders"/>).</summary>
    public static string? BlessedChart(ReleaseRecord record) =>
        record.Events.OfType<ReleaseBlessed>().LastOrDefault()?.ChartDigest;

    /// <summary>The environments of the chain that may hold the release's chart under its tag, most recently promoted first.</summary>
    public IReadOnlyList<DeploymentEnvironment> ChartHolders(ReleaseRecord record) =>
        record.Events.OfType<ReleasePromoted>().Select(p => p.Environment).Distinct().Reverse()
            .Where(name => chain.Environments.Any(e => e.Name == name)).Select(chain.Get).ToArray();

    /// <summary>The chart digest this pipeline published, when no environment holds the chart and it is not blessed.</summary>
    /// <exception cref="PromotionRefusedException">The pipeline published no chart, or built another commit.</exception>
    public static string PipelineChart(ReleaseRecord record, PipelineArtifacts pipeline)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(pipeline);
        if (pipeline.ChartDigest is null)
            throw Refused($"the chart of release {record.ReleaseId} is unknown: it is not blessed, no environment holds it, and this pipeline " +
                "published none. " +
                          "Run Chart in the pipeline that built the release, and promote from there.");
        CheckSameCommit(record, pipeline, "published its chart from");
        return pipeline.ChartDigest;
    }

    /// <summary>Where <paramref name="step"/> copies its image and the chart <paramref name="chartDigest"/> from.</summary>
    /// <param name="step">The step being carried out.</param>
    /// <param name="plan">The whole plan (an environment earlier in it holds the release by the time this step runs).</param>
    /// <param name="history">Every deployment so far.</param>
    /// <param name="pipeline">What this pipeline published.</param>
    /// <param name="chartDigest">The chart promoted with the image.</param>
    /// <exception cref="PromotionRefusedException">No earlier environment holds the release and this pipeline did not publish the image or the
    /// chart.</exception>
    public PromotionSource SourceOf(
        PromotionStep step,
        IReadOnlyList<PromotionStep> plan,
        IReadOnlyList<Deployment> history,
        PipelineArtifacts pipeline,
        string chartDigest)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(pipeline);
        var index = chain.IndexOf(step.Environment);
        if (index > 0)
        {
            var previous = chain.Environments[index - 1];
            if (history.Any(d => d.Environment == previous.Name && d.ImageDigest == step.ImageDigest)
                || plan.Any(s => s.Environment == previous.Name))
                return new PromotionSource(previous);
        }
        var problems = new List<string>();
        if (pipeline.ImageDigest != step.ImageDigest.Value)
            problems.Add($"the image {step.ImageDigest} is in no earlier environment and this pipeline did not push it. Promote from the pipeline " +
                "that pushed it.");
        if (pipeline.ChartDigest != chartDigest)
            problems.Add(
                $"the chart {chartDigest} is in no earlier environment and this pipeline did not publish it. Promote from the pipeline that built " +
                    "it.");
        if (problems.Count > 0) throw new PromotionRefusedException(problems);
        return new PromotionSource(null);
    }

    private static void CheckSameCommit(ReleaseRecord record, PipelineArtifacts pipeline, string what)
    {
        if (pipeline.Commit != record.Created.Commit)
            throw Refused($"release {record.ReleaseId} is commit {Short(record.Created.Commit)}, but this pipeline {what} commit " +
                $"{Short(pipeline.Commit ?? "(none)")}. " +
                          "Promote from the pipeline that built it.");
    }

    private static string Short(string commit) => commit.Length > 7 ? commit[..7] : commit;

    private static PromotionRefusedException Refused(string problem) => new([problem]);
}
