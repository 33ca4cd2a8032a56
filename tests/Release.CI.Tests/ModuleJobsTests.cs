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

    private static List<YamlMappingNode> Rules(YamlMappingNode job) =>
        job.Children.TryGetValue(new YamlScalarNode("rules"), out var rules) ? ((YamlSequenceNode)rules).Cast<YamlMappingNode>().ToList() : [];

    private static List<string>? Changes(YamlMappingNode rule) =>
        rule.Children.TryGetValue(new YamlScalarNode("changes"), out var changes) ? ((YamlSequenceNode)changes).Select(c => c.ToString()).ToList() : null;

    private static bool OptionalNeed(YamlMappingNode job, string needed) =>
        ((YamlSequenceNode)job["needs"]).Cast<YamlMappingNode>().Single(n => n["job"].ToString() == needed)
            .Children.TryGetValue(new YamlScalarNode("optional"), out var optional) && optional.ToString() == "true";

    [Test]
    public async Task A_merge_request_runs_a_modules_jobs_only_when_it_touches_the_module_or_what_it_needs()
    {
        var jobs = GitLabJobs(await Generated.GitLabAsync<ModulesBuild>());
        var rules = Rules(jobs["push-module-storefront"]);
        Assert.Multiple(() =>
        {
            Assert.That(rules.Select(r => r["if"].ToString()), Is.EqualTo(new[] { "$CI_COMMIT_BRANCH == \"main\"", "$CI_PIPELINE_SOURCE == \"merge_request_event\"" }));
            Assert.That(Changes(rules[0]), Is.Null, "a push to main runs every module's jobs");
            Assert.That(Changes(rules[1]), Is.EqualTo(new[] { "modules/catalog/**/*", "modules/pricing/**/*", "modules/storefront/**/*" }));
            Assert.That(Changes(Rules(jobs["push-module-audit"])[1]), Is.EqualTo(new[] { "modules/audit/**/*" }));
            Assert.That(Changes(Rules(jobs["build-module-catalog"])[1]), Is.EqualTo(new[] { "modules/catalog/**/*" }));
            Assert.That(Rules(jobs["deploy"]), Is.Empty, "a job whose targets name no files runs for every change");
            Assert.That(Rules(jobs["restore"]), Is.Empty);
        });
    }

    [Test]
    public async Task A_need_a_change_may_leave_out_is_optional_and_one_that_always_runs_is_not()
    {
        var jobs = GitLabJobs(await Generated.GitLabAsync<ModulesBuild>());
        Assert.Multiple(() =>
        {
            // A change to storefront alone runs its push but not pricing's build: the need must be optional.
            Assert.That(OptionalNeed(jobs["push-module-storefront"], "build-module-pricing"), Is.True);
            Assert.That(OptionalNeed(jobs["build-module-pricing"], "build-module-catalog"), Is.True);
            Assert.That(OptionalNeed(jobs["deploy"], "push-module-audit"), Is.True);
            // Restore runs in every pipeline.
            Assert.That(OptionalNeed(jobs["build-module-catalog"], "restore"), Is.False);
        });
    }
}
