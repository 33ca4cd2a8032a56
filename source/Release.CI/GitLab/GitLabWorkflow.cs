using Release.CI.Planning;
using Release.CI.Yaml;

namespace Release.CI.GitLab;

/// <summary>
/// The <c>workflow:</c> node: which pipelines exist at all. With merge requests, a push to a branch that has an open
/// merge request would start a second, duplicate pipeline; the <c>when: never</c> rule prevents that.
/// </summary>
internal static class GitLabWorkflow
{
    public static YMap Build(CiPipeline pipeline)
    {
        var rules = new List<YNode>();
        var contexts = GitLabRules.Ordered(pipeline.AllContexts, pipeline).ToList();
        if (contexts.Any(c => c.Rule?.IsMergeRequest == true))
        {
            rules.Add(new YMap().Add("if", "$CI_PIPELINE_SOURCE == \"merge_request_event\""));
            rules.Add(new YMap().Add("if", "$CI_COMMIT_BRANCH && $CI_OPEN_MERGE_REQUESTS && $CI_PIPELINE_SOURCE == \"push\"").Add("when", "never"));
        }
        foreach (var context in contexts.Where(c => c.Rule?.IsMergeRequest != true))
            rules.Add(new YMap().Add("if", GitLabRules.Expression(context, pipeline)));
        return new YMap().Add("rules", YSeq.Of(rules.Distinct()));
    }
}
