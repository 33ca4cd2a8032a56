using Release.CI.Tests.Builds;
using Release.CI.Tests.Support;
using Release.Engine;
using YamlDotNet.RepresentationModel;

namespace Release.CI.Tests;

/// <summary>
/// <c>Deploy(..., promotes: ["test"])</c>: a deployment that promotes what an earlier environment of the same pipeline
/// verified relies on that environment's jobs (order and artifacts) instead of running their work again.
/// </summary>
public class PromotionTests
{
    [Test]
    public async Task The_promoting_job_relies_on_the_promoted_environments_jobs()
    {
        var jobs = Jobs(await Generated.GitLabAsync<PromotionBuild>());

        Assert.That(Script(jobs["release-to-production"]), Is.EqualTo("./build.sh Bless Promote ReleaseTo --skip --to production"));
        Assert.That(Needs(jobs["release-to-production"]), Is.EquivalentTo(new[] { "deploy-test (artifacts)", "gate-test (artifacts)" }));
        Assert.That(((YamlSequenceNode)jobs["release-to-production"]["rules"]).Cast<YamlMappingNode>().Select(r => r["when"].ToString()), Is.All.EqualTo("manual"));
        Assert.That(Script(jobs["gate-test"]), Is.EqualTo("./build.sh Integrate Gate --skip --environment test"));
        Assert.That(jobs.Keys, Has.None.EqualTo("gate-production").And.None.EqualTo("integrate-production"));
    }

    [Test]
    public async Task Azure_waits_for_the_promoted_environments_stages()
    {
        var azure = await Generated.AzureAsync<PromotionBuild>();
        var stage = azure[azure.IndexOf("- stage: ReleaseTo_production", StringComparison.Ordinal)..];
        var dependsOn = stage[..stage.IndexOf("jobs:", StringComparison.Ordinal)];
        Assert.That(dependsOn, Does.Contain("Gate_test").And.Contain("Deploy_test"));
        Assert.That(azure, Does.Contain("./build.sh Bless Promote ReleaseTo --skip --to production"));
    }

    [Test]
    public async Task Without_promotes_the_production_job_repeats_the_work()
    {
        var jobs = Jobs(await Generated.GitLabAsync<NoPromotionBuild>());
        Assert.That(Script(jobs["release-to-production"]), Does.Contain("Deploy Integrate Gate"));
    }

    [Test]
    public void Promoting_an_unknown_environment_or_one_of_other_pipelines_is_refused()
    {
        var error = Assert.ThrowsAsync<BuildDefinitionException>(() => Generated.ForAsync<BadPromotionBuild>())!;
        Assert.That(error.Message, Does.Contain("Deploy(\"Deploy\", \"production\")"));
        Assert.That(error.Message, Does.Contain("it promotes 'qa', which is no declared environment"));
        Assert.That(error.Message, Does.Contain("it promotes 'review', but the two are never deployed in the same pipeline"));
    }

    private static Dictionary<string, YamlMappingNode> Jobs(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return ((YamlMappingNode)stream.Documents[0].RootNode).Children
            .Where(c => c.Value is YamlMappingNode m && m.Children.ContainsKey(new YamlScalarNode("script")))
            .ToDictionary(c => c.Key.ToString(), c => (YamlMappingNode)c.Value);
    }

    private static string Script(YamlMappingNode job) => ((YamlSequenceNode)job["script"])[0].ToString();

    private static IEnumerable<string> Needs(YamlMappingNode job) =>
        ((YamlSequenceNode)job["needs"]).Cast<YamlMappingNode>().Select(n => n["job"] + (n["artifacts"].ToString() == "true" ? " (artifacts)" : ""));
}
