using Release.CI.Planning;

namespace Release.CI.GitLab;

/// <summary>
/// Header lines for what only GitLab's settings can enforce: who may start a manual deployment (a protected
/// environment with required approvals; <c>when: manual</c> alone lets anyone who can run pipelines start it), and which
/// variables merge-request pipelines see (protected variables reach only protected branches and tags, and a merge
/// request's pipeline runs on its source branch).
/// </summary>
internal static class GitLabProtection
{
    public static IEnumerable<string> Lines(CiPipeline pipeline)
    {
        var manual = pipeline.Configuration.Environments.Where(e => e.Manual).Select(e => e.Name).Distinct().ToList();
        if (manual.Count > 0)
        {
            yield return "";
            yield return $"Protected environments: {string.Join(", ", manual)} must be one. In Settings > CI/CD > Protected environments,";
            yield return "\"Protect an environment\": Select environment " + string.Join(", ", manual)
                + "; Allowed to deploy: your release managers;";
            yield return "Approvers: the people or group who approve releases; Required approval count: at least 1. GitLab then";
            yield return "holds the manual job until it is approved; `when: manual` alone lets anyone who can run pipelines start it.";
        }
        var mergeRequestJobs = MergeRequestJobs(pipeline);
        if (mergeRequestJobs.Count > 0)
        {
            var environments = pipeline.Configuration.Environments.Where(e => e.BranchRules.Any(BranchTrigger.IsMergeRequestName)).Select(e => e.Name)
                .Distinct();
            yield return "";
            yield return "Merge-request pipelines run on the source branch, which is not protected, so protected variables never reach";
            yield return $"{string.Join(", ", mergeRequestJobs)}. Give what those jobs need (the variables above, their";
            yield return $"credentials) as masked variables that are NOT protected, with Environment scope {string.Join(", ", environments)};";
            yield return "keep every other secret protected, so it reaches only protected branches and their deployments.";
        }
    }

    /// <summary>Jobs for environments that merge-request pipelines deploy to.</summary>
    public static List<string> MergeRequestJobs(CiPipeline pipeline) => pipeline.Jobs
        .Where(j => j.Environment is { } e && e.BranchRules.Any(BranchTrigger.IsMergeRequestName))
        .Select(j => j.GitLabName).ToList();
}
