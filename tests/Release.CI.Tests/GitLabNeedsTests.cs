using Release.CI.Tests.Builds;
using Release.CI.Tests.Support;
using Release.Engine;
using YamlDotNet.RepresentationModel;

namespace Release.CI.Tests;

/// <summary>
/// GitLab rejects a pipeline in which a job needs a job its rules left out. For every generated file: a job's needs
/// exist in every pipeline the job exists in (a job without rules runs in every pipeline the workflow allows).
/// </summary>
public class GitLabNeedsTests
{
    [Test] public Task Diamond() => CheckAsync<DiamondBuild>();
    [Test] public Task Partitions() => CheckAsync<PartitionedBuild>();
    [Test] public Task Schedule() => CheckAsync<ScheduledBuild>();
    [Test] public Task Environments() => CheckAsync<EnvironmentsBuild>();
    [Test] public Task Pipeline() => CheckAsync<PipelineBuild>();
    [Test] public Task RepositoryShaped() => CheckAsync<RepositoryShapedBuild>();
    [Test] public Task Promotion() => CheckAsync<PromotionBuild>();
    [Test] public Task Modules() => CheckAsync<ModulesBuild>();

    [Test]
    public async Task Each_deployment_runs_only_under_its_environments_rules_and_passes_the_environment()
    {
        var jobs = Jobs(await Generated.GitLabAsync<RepositoryShapedBuild>());

        Assert.That(Rules(jobs, "deploy-staging"), Is.EqualTo(new[] { "$CI_PIPELINE_SOURCE != \"schedule\" && $CI_COMMIT_BRANCH == \"staging\"" }));
        Assert.That(Rules(jobs, "deploy-pre-prod"), Is.EqualTo(new[] { "$CI_PIPELINE_SOURCE == \"merge_request_event\"" }));
        Assert.That(Rules(jobs, "deploy-production"), Is.EqualTo(new[]
        {
            "$CI_PIPELINE_SOURCE != \"schedule\" && $CI_COMMIT_BRANCH == \"main\"", "$CI_PIPELINE_SOURCE != \"schedule\" && $CI_COMMIT_BRANCH == \"master\"",
        }));
        Assert.That(Script(jobs, "deploy-staging"), Is.EqualTo("./build.sh Clone Push Chart Deploy --skip --environment staging"));
        Assert.That(Rules(jobs, "integrate-production"), Is.EqualTo(Rules(jobs, "deploy-production")));
        Assert.That(Needs(jobs, "integrate-production"), Is.EqualTo(new[] { "deploy-production" }));
        Assert.That(Needs(jobs, "pipeline"), Is.Empty, "the scheduled job is self-contained");
        Assert.That(Script(jobs, "pipeline"), Is.EqualTo("./build.sh Pipeline"));
        Assert.That(jobs.Keys, Has.None.EqualTo("clone"), "Clone runs in every job that needs it");
    }

    private static async Task CheckAsync<T>() where T : Build, IContinuousIntegration, new()
    {
        var text = await Generated.GitLabAsync<T>();
        var jobs = Jobs(text);
        var workflow = Conditions((YamlSequenceNode)Root(text)["workflow"]["rules"]);
        foreach (var (name, job) in jobs)
        {
            var runsIn = job.Children.ContainsKey(new YamlScalarNode("rules")) ? Rules(jobs, name) : workflow;
            foreach (var need in ((YamlSequenceNode)job["needs"]).Cast<YamlMappingNode>())
            {
                if (need.Children.TryGetValue(new YamlScalarNode("optional"), out var optional) && optional.ToString() == "true") continue;
                var needed = need["job"].ToString();
                Assert.That(jobs.ContainsKey(needed), $"{name} needs {needed}, which does not exist");
                var neededIn = jobs[needed].Children.ContainsKey(new YamlScalarNode("rules")) ? Rules(jobs, needed) : workflow;
                Assert.That(runsIn, Is.SubsetOf(neededIn), $"{typeof(T).Name}: {name} runs in pipelines where {needed}, which it needs, does not");
            }
        }
    }

    private static YamlMappingNode Root(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static Dictionary<string, YamlMappingNode> Jobs(string text) =>
        Root(text).Children.Where(c => c.Value is YamlMappingNode m && m.Children.ContainsKey(new YamlScalarNode("script")))
            .ToDictionary(c => c.Key.ToString(), c => (YamlMappingNode)c.Value);

    private static List<string> Conditions(YamlSequenceNode rules) =>
        rules.Cast<YamlMappingNode>().Where(r => !r.Children.TryGetValue(new YamlScalarNode("when"), out var when) || when.ToString() != "never")
            .Select(r => r["if"].ToString()).ToList();

    private static List<string> Rules(Dictionary<string, YamlMappingNode> jobs, string name) => Conditions((YamlSequenceNode)jobs[name]["rules"]);

    private static List<string> Needs(Dictionary<string, YamlMappingNode> jobs, string name) =>
        ((YamlSequenceNode)jobs[name]["needs"]).Cast<YamlMappingNode>().Select(n => n["job"].ToString()).ToList();

    private static string Script(Dictionary<string, YamlMappingNode> jobs, string name) => ((YamlSequenceNode)jobs[name]["script"])[0].ToString();
}
