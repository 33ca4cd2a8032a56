using Release.CI.Tests.Builds;
using Release.CI.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Release.CI.Tests;

/// <summary>Members of target families are ordinary targets to CI generation: one job per module, needs along the module graph.</summary>
public class ModuleJobsTests
{
    private static YamlMappingNode Root(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static Dictionary<string, YamlMappingNode> GitLabJobs(string text) =>
        Root(text).Children.Where(c => c.Value is YamlMappingNode m && m.Children.ContainsKey(new YamlScalarNode("script")))
            .ToDictionary(c => c.Key.ToString(), c => (YamlMappingNode)c.Value);

    private static List<string> Needs(YamlMappingNode job) =>
        ((YamlSequenceNode)job["needs"]).Cast<YamlMappingNode>().Select(n => n["job"].ToString()).ToList();

    private static string Script(YamlMappingNode job) => ((YamlSequenceNode)job["script"])[0].ToString();

    [Test]
    public async Task Each_module_gets_its_jobs_and_shared_module_builds_run_once()
    {
        var jobs = GitLabJobs(await Generated.GitLabAsync<ModulesBuild>());
        Assert.Multiple(() =>
        {
            Assert.That(jobs.Keys, Is.SupersetOf(new[] { "push-module-catalog", "push-module-pricing", "push-module-storefront", "push-module-audit", "deploy" }));
            // catalog's build is needed by three pushes and pricing's by two: each becomes one shared job, so nothing is built twice.
            Assert.That(jobs.Keys, Does.Contain("build-module-catalog").And.Contain("build-module-pricing"));
            Assert.That(Script(jobs["build-module-catalog"]), Does.StartWith("./build.sh ").And.Contain("BuildModule.catalog").And.EndWith("--skip"));
            // Needs follow the module graph without repeating what a needed job already waits for: storefront's push
            // waits for pricing's build, which waits for catalog's.
            Assert.That(Needs(jobs["push-module-storefront"]), Is.EquivalentTo(new[] { "build-module-pricing" }));
            Assert.That(Needs(jobs["build-module-pricing"]), Is.EquivalentTo(new[] { "build-module-catalog" }));
            Assert.That(Needs(jobs["build-module-catalog"]), Is.EquivalentTo(new[] { "restore" }));
            Assert.That(Script(jobs["push-module-storefront"]), Is.EqualTo("./build.sh BuildModule.storefront PushModule.storefront --skip"));
            Assert.That(Needs(jobs["push-module-audit"]), Is.EqualTo(new[] { "restore" }), "audit needs no other module");
            Assert.That(Needs(jobs["deploy"]), Is.EquivalentTo(new[] { "push-module-catalog", "push-module-pricing", "push-module-storefront", "push-module-audit" }));
        });
    }

    [Test]
    public async Task Azure_gets_one_stage_per_module_job_depending_along_the_graph()
    {
        var root = Root(await Generated.AzureAsync<ModulesBuild>());
        var stages = ((YamlSequenceNode)root["stages"]).Cast<YamlMappingNode>().ToDictionary(s => s["stage"].ToString());
        Assert.That(stages.Keys, Is.SupersetOf(new[] { "PushModule_storefront", "BuildModule_catalog", "BuildModule_pricing", "Deploy" }));
        var dependsOn = stages["PushModule_storefront"]["dependsOn"];
        var names = dependsOn is YamlSequenceNode sequence ? sequence.Select(n => n.ToString()).ToList() : [dependsOn.ToString()];
        Assert.That(names, Does.Contain("BuildModule_pricing"));
        var pricing = stages["BuildModule_pricing"]["dependsOn"];
        Assert.That(pricing is YamlSequenceNode list ? list.Select(n => n.ToString()) : [pricing.ToString()], Does.Contain("BuildModule_catalog"));
    }
}
