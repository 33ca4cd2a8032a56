using Release.CI.Planning;

namespace Release.CI.Azure;

/// <summary>
/// Azure condition expressions for pipeline contexts and stage dependencies. Pull-request builds have a
/// <c>refs/pull/...</c> source branch, so branch checks need not exclude them; scheduled builds do run on a branch.
/// </summary>
internal static class AzureConditions
{
    private const string Ok = "'Succeeded', 'SucceededWithIssues'";

    /// <summary>The stage condition, or null when the default (<c>succeeded()</c>, every pipeline) applies.</summary>
    public static string? ForStage(CiJob job, CiPipeline pipeline, ChangedPathsStage changes)
    {
        var runsEverywhere = job.Contexts.SetEquals(pipeline.AllContexts);
        var hasOptional = job.Needs.Any(n => n.Optional || changes.MayRunWithout(job, n.Job));
        var changed = changes.Condition(job);
        if (runsEverywhere && !hasOptional && changed is null) return null;

        // A stage after a skipped stage is skipped by succeeded(); an ordering-only dependency may be skipped, and so
        // may one whose files a pull request did not change.
        var dependencies = hasOptional
            ? job.Needs.Select(n => n.Optional ? $"in(dependencies.{n.Job.AzureName}.result, {Ok}, 'Skipped')"
                    : changes.MayRunWithout(job, n.Job) ? changes.NeedCondition(n.Job, Ok)
                    : $"in(dependencies.{n.Job.AzureName}.result, {Ok})")
                .Prepend("not(canceled())").ToList()
            : ["succeeded()"];
        if (!runsEverywhere)
        {
            var contexts = Ordered(job.Contexts, pipeline).Select(c => Expression(c, pipeline)).ToList();
            dependencies.Add(contexts.Count == 1 ? contexts[0] : $"or({string.Join(", ", contexts)})");
        }
        if (changed is not null) dependencies.Add(changed);
        return $"and({string.Join(", ", dependencies)})";
    }

    public static string Expression(PipelineContext context, CiPipeline pipeline)
    {
        if (context.Schedule is { } schedule)
            return pipeline.Configuration.Schedules.Count > 1
                ? $"and(eq(variables['Build.Reason'], 'Schedule'), eq(variables['Build.CronSchedule.DisplayName'], '{schedule.Name}'))"
                : "eq(variables['Build.Reason'], 'Schedule')";
        var rule = context.Rule!;
        if (rule.IsMergeRequest) return "eq(variables['Build.Reason'], 'PullRequest')";
        var branch = rule.IsPattern
            ? $"startsWith(variables['Build.SourceBranch'], 'refs/heads/{rule.Prefix}')"
            : $"eq(variables['Build.SourceBranch'], 'refs/heads/{rule.Text}')";
        return pipeline.Configuration.Schedules.Count > 0 ? $"and(ne(variables['Build.Reason'], 'Schedule'), {branch})" : branch;
    }

    private static IEnumerable<PipelineContext> Ordered(IEnumerable<PipelineContext> contexts, CiPipeline pipeline) =>
        GitLab.GitLabRules.Ordered(contexts, pipeline);
}
