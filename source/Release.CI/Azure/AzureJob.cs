using Release.CI.Azure.Steps;
using Release.CI.Planning;
using Release.CI.Yaml;

namespace Release.CI.Azure;

/// <summary>
/// One Azure job: a plain <c>job:</c>, or a <c>deployment:</c> on an environment, so the environment's approvals and
/// checks gate it and its deployment history is recorded.
/// </summary>
internal static class AzureJob
{
    public static YMap Build(CiJob job, CiPipeline pipeline, ChangedPathsStage changes)
    {
        var steps = YSeq.Of(Steps(job, pipeline, changes));
        var variables = new YMap();
        // Two needs of one module (its unit tests and its scan) read one variable: declared once, as Azure requires.
        var declared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var need in SkippableArtifacts(job, changes))
        {
            var (name, value) = changes.JobVariable(need.Job);
            if (declared.Add(name))
                variables.Add(name, value);
        }
        if (!job.Deploys)
            return new YMap()
                .Add("job", job.AzureName)
                .Add("displayName", job.Label)
                .Add("variables", variables.IsEmpty ? null : variables)
                .Add("steps", steps);
        return new YMap()
            .Add("deployment", job.AzureName)
            .Add("displayName", job.Label)
            .Add("variables", variables.IsEmpty ? null : variables)
            .Add("environment", job.Environment!.Name)
            .Add("strategy", new YMap().Add("runOnce", new YMap().Add("deploy", new YMap().Add("steps", steps))));
    }

    /// <summary>The artifact needs of <paramref name="job"/> a pull request may leave out (their files unchanged).</summary>
    private static IEnumerable<JobNeed> SkippableArtifacts(CiJob job, ChangedPathsStage changes) =>
        job.Needs.Where(n => n.Artifacts && changes.MayRunWithout(job, n.Job));

    private static IEnumerable<YNode> Steps(CiJob job, CiPipeline pipeline, ChangedPathsStage changes)
    {
        if (job.Deploys) yield return NoAutomaticDownloadStep.Build();
        yield return CheckoutStep.Build();
        yield return DotNetSdkStep.Build(pipeline.Configuration.Azure.DotNetSdkVersion);
        if (pipeline.Configuration.SharesCompiledBuild) yield return CompiledBuildStage.DownloadStep();
        if (pipeline.Configuration.CachesNuGetPackages) yield return NuGetCacheStep.Build();
        var skippable = SkippableArtifacts(job, changes).ToHashSet();
        foreach (var need in job.Needs.Where(n => n.Artifacts))
        {
            if (!skippable.Contains(need))
            {
                yield return DownloadArtifactStep.Build(need);
                continue;
            }
            // Its files changed: it ran in this run. Otherwise its artifact of the target branch's last run still holds.
            var changed = $"variables['{changes.JobVariable(need.Job).Name}']";
            yield return DownloadArtifactStep.Build(need).Add("condition", $"and(succeeded(), eq({changed}, 'true'))");
            yield return DownloadArtifactStep.FromTargetBranch(need).Add("condition", $"and(succeeded(), ne({changed}, 'true'))");
        }
        yield return BuildScriptStep.Build(job);
        foreach (var files in job.Reports.Select(r => r.JUnit).OfType<string>().Distinct()) yield return TestResultsStep.Build(files);
        foreach (var files in job.Reports.Select(r => r.Trx).OfType<string>().Distinct()) yield return TestResultsStep.Build(files, "VSTest");
        foreach (var file in job.Reports.Select(r => r.CoberturaCoverage).OfType<string>().Distinct()) yield return CoverageStep.Build(file);
        if (job.Produces.Count > 0)
        {
            yield return StageArtifactsStep.Build(job);
            yield return PublishArtifactStep.Build(job);
        }
    }
}
