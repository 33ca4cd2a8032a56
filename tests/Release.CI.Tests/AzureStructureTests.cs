using Release.CI.Tests.Builds;
using Release.CI.Tests.Support;
using Release.Engine;
using YamlDotNet.RepresentationModel;

namespace Release.CI.Tests;

/// <summary>
/// No Azure agent runs here, so the Azure files are parsed back and checked for the structure Azure requires:
/// stages with unique identifiers, one job each with steps, and dependsOn naming stages that exist earlier.
/// </summary>
public class AzureStructureTests
{
    [Test] public Task Diamond() => CheckAsync<DiamondBuild>();
    [Test] public Task Partitions() => CheckAsync<PartitionedBuild>();
    [Test] public Task Schedule() => CheckAsync<ScheduledBuild>();
    [Test] public Task Environments() => CheckAsync<EnvironmentsBuild>();
    [Test] public Task RepositoryShaped() => CheckAsync<RepositoryShapedBuild>();

    [Test]
    public async Task Deployments_download_the_files_they_consume_by_glob_and_jobs_after_them_are_per_environment()
    {
        var stages = Stages(await Generated.AzureAsync<RepositoryShapedBuild>());
        var staging = stages.Single(s => Text(s, "stage") == "Deploy_staging");
        var download = AllSteps([staging]).Single(s => Task(s) == "DownloadPipelineArtifact@2");
        var integrate = stages.Single(s => Text(s, "stage") == "Integrate_staging");

        Assert.That(download["inputs"]["artifactName"].ToString(), Is.EqualTo("Build"));
        Assert.That(download["inputs"]["itemPattern"].ToString().Trim(), Is.EqualTo("artifacts/build/image.json"));
        Assert.That(((YamlSequenceNode)integrate["dependsOn"]).Select(d => d.ToString()), Is.EqualTo(new[] { "Deploy_staging" }));
        Assert.That(AllSteps([integrate]).Single(s => s.Children.ContainsKey(new YamlScalarNode("script")))["script"].ToString(),
            Is.EqualTo("./build.sh Clone Integrate --skip --environment staging"));
        Assert.That(integrate["condition"].ToString(), Does.Contain("refs/heads/staging").And.Not.Contain("main"));
        var script = AllSteps([staging]).Single(s => s.Children.ContainsKey(new YamlScalarNode("script")));
        Assert.That(script["env"]["REGISTRY"].ToString(), Is.EqualTo("$(REGISTRY)"));
        Assert.That(script["env"]["REGISTRY_PASSWORD"].ToString(), Is.EqualTo("$(REGISTRY_PASSWORD)"));
    }

    [Test]
    public async Task Deployments_run_on_their_environment_and_download_only_what_they_consume()
    {
        var stages = Stages(await Generated.AzureAsync<EnvironmentsBuild>());
        var production = stages.Single(s => Text(s, "stage") == "Deploy_production");
        var job = (YamlMappingNode)((YamlSequenceNode)production["jobs"]).Single();
        var steps = (YamlSequenceNode)job["strategy"]["runOnce"]["deploy"]["steps"];

        Assert.That(Text(job, "deployment"), Is.EqualTo("Deploy_production"));
        Assert.That(Text(job, "environment"), Is.EqualTo("production"));
        Assert.That(((YamlMappingNode)steps[0]).Children[new YamlScalarNode("download")].ToString(), Is.EqualTo("none"));
        Assert.That(steps.OfType<YamlMappingNode>().Where(s => s.Children.ContainsKey(new YamlScalarNode("task")) && Text(s, "task") == "DownloadPipelineArtifact@2")
            .Select(s => s["inputs"]["artifactName"].ToString()), Is.EqualTo(new[] { "Pack" }));
        Assert.That(production["condition"].ToString(), Does.Contain("refs/heads/main").And.Contain("refs/heads/master"));
    }

    [Test]
    public async Task Every_consumed_artifact_is_published_by_the_stage_it_is_downloaded_from()
    {
        foreach (var text in new[] { await Generated.AzureAsync<DiamondBuild>(), await Generated.AzureAsync<PartitionedBuild>() })
        {
            var stages = Stages(text);
            var published = AllSteps(stages).Where(s => Task(s) == "PublishPipelineArtifact@1").Select(s => s["inputs"]["artifact"].ToString()).ToHashSet();
            var downloaded = AllSteps(stages).Where(s => Task(s) == "DownloadPipelineArtifact@2").Select(s => s["inputs"]["artifactName"].ToString()).Distinct().ToList();
            Assert.That(downloaded, Is.Not.Empty);
            Assert.That(downloaded, Is.SubsetOf(published));
        }
    }

    private static async Task CheckAsync<T>() where T : Build, IContinuousIntegration, new()
    {
        var stages = Stages(await Generated.AzureAsync<T>());
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        Assert.That(stages, Is.Not.Empty);
        foreach (var stage in stages)
        {
            var name = Text(stage, "stage");
            Assert.That(name, Does.Match("^[A-Za-z_][A-Za-z0-9_]*$"));
            var dependsOn = ((YamlSequenceNode)stage["dependsOn"]).Select(d => d.ToString()).ToList();
            Assert.That(dependsOn, Is.SubsetOf(seen), $"stage {name} depends on stages defined before it");
            Assert.That(seen.Add(name), Is.True, $"stage {name} is unique");
            var jobs = (YamlSequenceNode)stage["jobs"];
            Assert.That(jobs.Children, Has.Count.EqualTo(1));
            var job = (YamlMappingNode)jobs[0];
            var steps = job.Children.ContainsKey(new YamlScalarNode("job")) ? (YamlSequenceNode)job["steps"] : (YamlSequenceNode)job["strategy"]["runOnce"]["deploy"]["steps"];
            Assert.That(steps.OfType<YamlMappingNode>().Count(s => s.Children.ContainsKey(new YamlScalarNode("script")) && Text(s, "script").StartsWith("./build.sh ")), Is.EqualTo(1));
        }
    }

    private static List<YamlMappingNode> Stages(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        return ((YamlSequenceNode)root["stages"]).Cast<YamlMappingNode>().ToList();
    }

    private static IEnumerable<YamlMappingNode> AllSteps(IEnumerable<YamlMappingNode> stages) =>
        stages.SelectMany(s => ((YamlSequenceNode)s["jobs"]).Cast<YamlMappingNode>())
            .SelectMany(j => ((YamlSequenceNode)(j.Children.ContainsKey(new YamlScalarNode("job")) ? j["steps"] : j["strategy"]["runOnce"]["deploy"]["steps"])).Cast<YamlMappingNode>());

    private static string? Task(YamlMappingNode step) => step.Children.TryGetValue(new YamlScalarNode("task"), out var task) ? task.ToString() : null;

    private static string Text(YamlMappingNode node, string key) => node[key].ToString();
}
