using Release.CI.Planning;
using Release.CI.Yaml;

namespace Release.CI.Azure;

/// <summary>The whole <c>azure-pipelines.yml</c>: header, triggers, schedules, variables, pool and one stage per job.</summary>
internal static class AzureFile
{
    public static string Write(CiPipeline pipeline)
    {
        var azure = pipeline.Configuration.Azure;
        var changes = ChangedPathsStage.For(pipeline);
        var root = new YMap()
            .Add("trigger", AzureTriggers.Push(pipeline))
            .Add("pr", AzureTriggers.PullRequest(pipeline))
            .Add("schedules", AzureTriggers.Schedules(pipeline))
            .Add("variables", pipeline.Configuration.CachesNuGetPackages
                ? new YMap().Add("NUGET_PACKAGES", "$(Pipeline.Workspace)/.nuget/packages")
                : null)
            .Add("pool", azure.PoolName is not null ? new YMap().Add("name", azure.PoolName)
                : azure.VmImage is not null ? new YMap().Add("vmImage", azure.VmImage) : null)
            .Add("stages", YSeq.Of(pipeline.Jobs.Select(j => (YNode)AzureStage.Build(j, pipeline, changes))
                .Prepend(changes.Exists ? changes.Build() : null)
                .Prepend(pipeline.Configuration.SharesCompiledBuild ? CompiledBuildStage.Build(pipeline) : null).OfType<YNode>()));
        return YamlText.Write(Header(pipeline, changes), root);
    }

    private static IEnumerable<string> Header(CiPipeline pipeline, ChangedPathsStage changes)
    {
        foreach (var line in GeneratedHeader.Lines(pipeline)) yield return line;
        yield return "";
        yield return "One stage per job: approvals and checks on an environment are evaluated when a stage starts, so";
        yield return "each deployment waits alone; stage dependsOn keeps the jobs a DAG.";
        if (changes.Exists)
        {
            yield return "";
            yield return $"Pull requests run a module's stages only when they change its files: the {ChangedPathsStage.Name} stage lists the";
            yield return "changed files and sets one output variable per module, which those stages' conditions read. Other builds run them all.";
        }
        if (pipeline.Secrets.Count > 0)
        {
            yield return "";
            yield return "Secrets: define these as secret pipeline variables (or in a linked variable group). Secret variables";
            yield return "are not environment variables by default, so the jobs that need one map it by name (env: NAME: $(NAME)).";
            foreach (var secret in pipeline.Secrets)
                yield return $"  {secret.EnvironmentName} (parameter {secret.Name})" + (pipeline.Configuration.SecretFiles.Contains(secret.Name)
                    ? ": a file: upload it to Pipelines > Library > Secure files and set this secret to its path on the agent " +
                        "(DownloadSecureFile@1's secureFilePath)"
                    : "");
        }
        if (pipeline.Variables.Count > 0)
        {
            yield return "";
            yield return "Variables: for real runs, define these (not secret) pipeline variables, pointing at your team's own services;";
            yield return "the jobs map them by name (env: NAME: $(NAME)); one left undefined arrives as the text $(NAME), which the";
            yield return "build treats as not set:";
            foreach (var line in GeneratedHeader.VariableLines(pipeline)) yield return line;
            if (pipeline.ContainerRegistryVariables is [var registry, var user, var password, ..])
            {
                yield return $"{registry} is required here: Azure has no registry of its own for the pipeline, and the stages after the";
                yield return $"build reach the image only in one that outlives them (with {user} and the secret {password} if it asks).";
            }
        }
        var environments = pipeline.Configuration.Environments.GroupBy(e => e.Name).ToList();
        if (environments.Count > 0)
        {
            yield return "";
            yield return "Environments: create these in Pipelines > Environments and configure their approvals and checks:";
            foreach (var environment in environments)
            {
                var rules = environment.SelectMany(e => e.BranchRules).Distinct()
                    .Select(r => BranchTrigger.IsMergeRequestName(r) ? "refs/pull/*" : "refs/heads/" + r).ToList();
                var approval = environment.Any(e => e.Manual) ? "Approvals (a required approver starts each deployment); " : "";
                yield return $"  {environment.Key}: {approval}Branch control allowing {string.Join(", ", rules)}.";
            }
        }
    }
}
