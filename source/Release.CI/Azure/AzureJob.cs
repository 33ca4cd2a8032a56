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
    public static YMap Build(CiJob job, CiPipeline pipeline)
    {
        var steps = YSeq.Of(Steps(job, pipeline));
        if (!job.Deploys)
            return new YMap()
                .Add("job", job.AzureName)
                .Add("displayName", job.Label)
                .Add("steps", steps);
        return new YMap()
            .Add("deployment", job.AzureName)
            .Add("displayName", job.Label)
            .Add("environment", job.Environment!.Name)
            .Add("strategy", new YMap().Add("runOnce", new YMap().Add("deploy", new YMap().Add("steps", steps))));
    }

    private static IEnumerable<YNode> Steps(CiJob job, CiPipeline pipeline)
    {
        if (job.Deploys) yield return NoAutomaticDownloadStep.Build();
        yield return CheckoutStep.Build();
        yield return DotNetSdkStep.Build(pipeline.Configuration.Azure.DotNetSdkVersion);
        if (pipeline.Configuration.SharesCompiledBuild) yield return CompiledBuildStage.DownloadStep();
        if (pipeline.Configuration.CachesNuGetPackages) yield return NuGetCacheStep.Build();
        foreach (var need in job.Needs.Where(n => n.Artifacts)) yield return DownloadArtifactStep.Build(need);
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
