using Release.CI.Planning;

namespace Release.CI.GitLab;

/// <summary>
/// How a job finds the files of a needed job that a merge request left out because it touched none of that job's
/// files (an optional need): the module was not rebuilt, so the files it last published still hold (a push record's
/// digest, a chart). Before its command, the job looks for them; when the need did not run, it downloads that job's
/// artifacts from the latest successful pipeline of the merge request's target branch through GitLab's API
/// (<c>GET /projects/:id/jobs/artifacts/:ref/download?job=NAME</c>, authorised by the job's own <c>CI_JOB_TOKEN</c>).
/// With none there (no pipeline of the target branch has passed that job yet, or its artifacts expired) the job fails
/// naming the job and the branch, rather than running with a module's files missing.
/// </summary>
internal static class GitLabLastArtifacts
{
    /// <summary>The script lines that fetch what each need of <paramref name="job"/> a change may leave out would have handed on.</summary>
    public static IEnumerable<string> Lines(CiJob job)
    {
        foreach (var need in job.Needs.Where(n => n.Artifacts && ChangeFilters.MayRunWithout(job, n.Job)))
        {
            var globs = need.ArtifactGlobs.Count > 0 ? need.ArtifactGlobs : need.Job.Produces;
            if (globs.Count == 0) continue;
            var present = string.Join(" || ", globs.Select(g => $"compgen -G {Quote(g)}"));
            var name = need.Job.GitLabName;
            const string branch = "${CI_MERGE_REQUEST_TARGET_BRANCH_NAME:-$CI_DEFAULT_BRANCH}";
            yield return $"shopt -s globstar; {{ {present}; }} >/dev/null || {{ " +
                $"echo \"{name} did not run in this pipeline: taking its artifacts from the last successful pipeline of {branch}\"; " +
                $"curl --fail --silent --show-error --location --output .{name}.artifacts.zip --header \"JOB-TOKEN: $CI_JOB_TOKEN\" " +
                $"\"$CI_API_V4_URL/projects/$CI_PROJECT_ID/jobs/artifacts/{branch}/download?job={name}\" " +
                $"|| {{ echo \"no artifacts of {name} on {branch}: run a pipeline of {branch} that passes {name} first\" >&2; exit 1; }}; " +
                $"unzip -o -q .{name}.artifacts.zip && rm .{name}.artifacts.zip; }}";
        }
    }

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''") + "'";
}
