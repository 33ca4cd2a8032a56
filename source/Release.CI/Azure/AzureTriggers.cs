using Release.CI.Planning;
using Release.CI.Yaml;

namespace Release.CI.Azure;

/// <summary>
/// The <c>trigger:</c>, <c>pr:</c> and <c>schedules:</c> nodes. Scheduled runs use <c>always: true</c> because a
/// nightly run is wanted even without new commits.
/// </summary>
internal static class AzureTriggers
{
    public static YNode Push(CiPipeline pipeline)
    {
        var branches = pipeline.BranchRules.Select(r => r.Text).ToList();
        if (branches.Count == 0 && pipeline.Configuration.MergeRequests) return "none";
        return new YMap().Add("branches", new YMap().Add("include", YSeq.Of(branches.Count == 0 ? ["*"] : branches)));
    }

    public static YNode PullRequest(CiPipeline pipeline) =>
        pipeline.Configuration.MergeRequests
            ? new YMap().Add("branches", new YMap().Add("include", YSeq.Of(["*"])))
            : "none";

    public static YSeq? Schedules(CiPipeline pipeline) =>
        pipeline.Configuration.Schedules.Count == 0 ? null
        : YSeq.Of(pipeline.Configuration.Schedules.Select(s => (YNode)new YMap()
            .Add("cron", s.Cron)
            .Add("displayName", s.Name)
            .Add("branches", new YMap().Add("include", YSeq.Of([s.Branch])))
            .Add("always", YScalar.Bool(true))));
}
