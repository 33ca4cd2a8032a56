using Release.CI.Planning;
using Release.CI.Yaml;

namespace Release.CI.GitLab;

/// <summary>
/// The whole <c>.gitlab-ci.yml</c>: header, workflow, stages, defaults and one node per job. Deployment jobs, and jobs
/// after them, carry the <c>deploy</c> stage label; every other job is in <c>build</c>.
/// </summary>
internal static class GitLabFile
{
    public static string Write(CiPipeline pipeline)
    {
        var stages = new Dictionary<CiJob, string>();
        foreach (var job in pipeline.Jobs)
            stages[job] = job.Kind == CiJobKind.Deployment || job.Needs.Any(n => stages[n.Job] == "deploy") ? "deploy" : "build";

        var root = new YMap()
            .Add("workflow", GitLabWorkflow.Build(pipeline))
            .Add("stages", YSeq.Of(new[] { "build", "deploy" }.Where(stages.ContainsValue)))
            .Add("variables", GitLabDefaults.Variables(pipeline))
            .Add("default", GitLabDefaults.Default(pipeline));
        if (pipeline.Configuration.SharesCompiledBuild) root.Add(CompiledBuild.GitLabJobName, GitLabJob.CompiledBuildJob());
        foreach (var job in pipeline.Jobs) root.Add(job.GitLabName, GitLabJob.Build(job, stages[job], pipeline));
        return YamlText.Write(Header(pipeline), root);
    }

    private static IEnumerable<string> Header(CiPipeline pipeline)
    {
        foreach (var line in GeneratedHeader.Lines(pipeline)) yield return line;
        if (pipeline.Secrets.Count > 0)
        {
            yield return "";
            yield return "Secrets: define these as masked, protected CI/CD variables in Settings > CI/CD > Variables" +
                (GitLabProtection.MergeRequestJobs(pipeline).Count > 0 ? " (but see the" : ".");
            yield return (GitLabProtection.MergeRequestJobs(pipeline).Count > 0 ? "merge-request note below). " : "") +
                "GitLab passes them to jobs as environment variables; no value is ever written here.";
            foreach (var secret in pipeline.Secrets)
                yield return $"  {secret.EnvironmentName} (parameter {secret.Name})" + (pipeline.Configuration.SecretFiles.Contains(secret.Name)
                    // GitLab masks only values without spaces, and a private key's BEGIN/END lines have them: say so
                    // rather than ask for a setting GitLab refuses. A File variable's value never reaches the log anyway.
                    ? ": a file: variable of type File (jobs get the file's path), protected; masked if GitLab accepts it (it refuses values with " +
                        "spaces, as in a key's BEGIN line)"
                    : "");
        }
        if (pipeline.Variables.Count > 0)
        {
            yield return "";
            yield return "Variables: for real runs, define these (not secret) CI/CD variables in Settings > CI/CD > Variables, pointing";
            yield return "at your team's own services; without them the build falls back to its local defaults:";
            foreach (var line in GeneratedHeader.VariableLines(pipeline)) yield return line;
            if (pipeline.ContainerRegistryVariables is [var registry, ..])
            {
                yield return $"Without {registry}, every job uses the project's container registry (Deploy > Container registry must be on):";
                yield return "CI_REGISTRY with the job's CI_REGISTRY_USER/CI_REGISTRY_PASSWORD, images under CI_REGISTRY_IMAGE. With no registry";
                yield return "at all, each job has its own and later jobs push the image from the build job's artifacts.";
            }
        }
        foreach (var line in GitLabProtection.Lines(pipeline)) yield return line;
        if (pipeline.Configuration.Schedules.Count > 0)
        {
            yield return "";
            yield return "Schedules: create these in Build > Pipeline schedules (cron in UTC).";
            foreach (var schedule in pipeline.Configuration.Schedules)
                yield return $"  {schedule.Name}: cron \"{schedule.Cron}\" on branch {schedule.Branch}" +
                    (pipeline.Configuration.Schedules.Count > 1 ? $", with variable {GitLabRules.ScheduleVariable}={schedule.Name}" : "");
        }
        var manual = pipeline.Jobs.Where(j => j.Manual).Select(j => j.GitLabName).ToList();
        if (manual.Count > 0)
        {
            yield return "";
            yield return $"Manual jobs (start them from the pipeline page): {string.Join(", ", manual)}.";
        }
    }
}
