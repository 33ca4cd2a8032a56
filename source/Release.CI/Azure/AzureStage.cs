using Release.CI.Planning;
using Release.CI.Yaml;

namespace Release.CI.Azure;

/// <summary>
/// One stage holding one job. Stage <c>dependsOn</c> carries the DAG (an empty list starts at once instead of after
/// the previous stage); approvals on an environment apply when a stage starts, so a stage of its own keeps a
/// deployment's approval from holding up the jobs before it.
/// </summary>
internal static class AzureStage
{
    public static YMap Build(CiJob job, CiPipeline pipeline, ChangedPathsStage changes) => new YMap()
        .Add("stage", job.AzureName)
        .Add("displayName", job.Label)
        .Add("dependsOn", YSeq.Of(job.Needs.Select(n => n.Job.AzureName)
            .Prepend(changes.IsReadBy(job) ? ChangedPathsStage.Name : null)
            .Prepend(pipeline.Configuration.SharesCompiledBuild ? CompiledBuild.AzureName : null).OfType<string>()))
        .Add("condition", AzureConditions.ForStage(job, pipeline, changes))
        .Add("jobs", YSeq.Of([AzureJob.Build(job, pipeline, changes)]));
}
