using Release.CI.Planning;
using Release.CI.Yaml;

namespace Release.CI.GitLab;

/// <summary>
/// One GitLab job. <c>needs:</c> makes the pipeline a DAG (an empty list starts at once); stages are labels only.
/// Artifacts are downloaded only from the jobs whose files are consumed (GitLab's default would fetch all). A deploy job
/// holds its environment's resource group while it runs.
/// </summary>
internal static class GitLabJob
{
    public static YMap Build(CiJob job, string stage, CiPipeline pipeline)
    {
        var needs = job.Needs.Select(n => (YNode)new YMap()
            .Add("job", n.Job.GitLabName)
            .Add("artifacts", YScalar.Bool(n.Artifacts))
            .Add("optional", n.Optional || ChangeFilters.MayRunWithout(job, n.Job) ? YScalar.Bool(true) : null)).ToList();
        if (pipeline.Configuration.SharesCompiledBuild)
            needs.Insert(0, new YMap().Add("job", CompiledBuild.GitLabJobName).Add("artifacts", YScalar.Bool(true)));
        return new YMap()
            .Add("stage", stage)
            .Add("needs", YSeq.Of(needs))
            .Add("script", YSeq.Of([.. GitLabLastArtifacts.Lines(job), job.Command]))
            .Add("coverage", job.Reports.Select(r => r.CoverageLine).OfType<string>().FirstOrDefault() is { } coverage ? $"/{coverage}/" : null)
            .Add("artifacts", GitLabArtifacts.Build(job))
            .Add("environment", job is { Deploys: true, Environment: { } environment } ? new YMap().Add("name", environment.Name) : null)
            // One deploy per environment at a time, across pipelines; with the project setting "prevent outdated
            // deployment jobs" on, GitLab also drops an older pipeline's deploy that comes after a newer one's.
            .Add("resource_group", job is { Deploys: true, Environment: { } target } ? $"environment/{target.Name}" : null)
            .Add("rules", Rules(job, pipeline));
    }

    /// <summary>The first job: compiles the build definition once and hands the compiled folder to every other job.</summary>
    public static YMap CompiledBuildJob() => new YMap()
        .Add("stage", "build")
        .Add("needs", YSeq.Of(Array.Empty<YNode>()))
        .Add("script", YSeq.Of([CompiledBuild.Command]))
        .Add("artifacts", new YMap().Add("paths", YSeq.Of([CompiledBuild.Directory + "/"])).Add("expire_in", "1 day"));

    /// <summary>
    /// Rules only when the job runs in fewer pipelines than the workflow allows, waits for a person, or runs for a
    /// merge request only when it touches the files the job's work depends on (<c>changes:</c>).
    /// </summary>
    private static YSeq? Rules(CiJob job, CiPipeline pipeline)
    {
        var filtered = ChangeFilters.RunsOnlyForChanges(job);
        if (!job.Manual && !filtered && job.Contexts.SetEquals(pipeline.AllContexts)) return null;
        return YSeq.Of(GitLabRules.Ordered(job.Contexts, pipeline)
            .Select(c => (YNode)new YMap()
                .Add("if", GitLabRules.Expression(c, pipeline))
                .Add("changes", c.Rule is { IsMergeRequest: true } && job.ChangedBy is { } globs ? YSeq.Of(globs) : null)
                .Add("when", job.Manual ? "manual" : null)));
    }
}
