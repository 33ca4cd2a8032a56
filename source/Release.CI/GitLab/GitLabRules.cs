using Release.CI.Planning;

namespace Release.CI.GitLab;

/// <summary>
/// GitLab rule expressions for pipeline contexts. Scheduled pipelines also carry a branch, so branch rules exclude
/// them when the pipeline has schedules; merge-request pipelines carry no <c>CI_COMMIT_BRANCH</c>.
/// </summary>
internal static class GitLabRules
{
    /// <summary>The variable that tells several schedules apart (set on each GitLab pipeline schedule).</summary>
    public const string ScheduleVariable = "RELEASE_SCHEDULE";

    public static string Expression(PipelineContext context, CiPipeline pipeline)
    {
        if (context.Schedule is { } schedule)
            return pipeline.Configuration.Schedules.Count > 1
                ? $"$CI_PIPELINE_SOURCE == \"schedule\" && ${ScheduleVariable} == \"{schedule.Name}\""
                : "$CI_PIPELINE_SOURCE == \"schedule\"";
        var rule = context.Rule!;
        if (rule.IsMergeRequest) return "$CI_PIPELINE_SOURCE == \"merge_request_event\"";
        var branch = rule.IsPattern
            ? rule.Prefix.Length == 0 ? "$CI_COMMIT_BRANCH" : $"$CI_COMMIT_BRANCH =~ /^{EscapeRegex(rule.Prefix)}/"
            : $"$CI_COMMIT_BRANCH == \"{rule.Text}\"";
        return pipeline.Configuration.Schedules.Count > 0 ? "$CI_PIPELINE_SOURCE != \"schedule\" && " + branch : branch;
    }

    /// <summary>Contexts in a stable order: branch rules as declared, then merge requests, then schedules.</summary>
    public static IEnumerable<PipelineContext> Ordered(IEnumerable<PipelineContext> contexts, CiPipeline pipeline) =>
        contexts.OrderBy(c => c.Schedule is not null ? 2 : c.Rule!.IsMergeRequest ? 1 : 0)
            .ThenBy(c => c.Rule is { IsMergeRequest: false } r ? pipeline.Configuration.Branches.ToList().IndexOf(r.Text) : 0)
            .ThenBy(c => c.Schedule is { } s ? pipeline.Configuration.Schedules.ToList().IndexOf(s) : 0);

    private static string EscapeRegex(string text) =>
        string.Concat(text.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c.ToString() : "\\" + c));
}
