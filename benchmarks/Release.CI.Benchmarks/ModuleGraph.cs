using Release.CI;
using Release.Engine;

namespace Release.CI.Benchmarks;

/// <summary>
/// A synthetic definition of many modules: each compiles after Restore and the two modules before it, then tests and
/// packs; Publish needs every package. Test and Pack are jobs, so every Compile becomes a shared job.
/// </summary>
internal static class ModuleGraph
{
    /// <summary>Stands for the build's Environment parameter member (the graph records where a parameter lives).</summary>
    private static readonly string? Environment = null;

    public static (TargetGraph Graph, CiConfiguration Configuration) Create(int modules)
    {
        var targets = new List<TargetNode> { Node("Restore", [], [], []) };
        var config = new CiConfiguration().OnBranches("main", "release/*").OnMergeRequests().CacheNuGetPackages();
        for (var m = 0; m < modules; m++)
        {
            var upstream = Enumerable.Range(Math.Max(0, m - 2), Math.Min(m, 2)).Select(i => $"Compile{i}").Prepend("Restore").ToList();
            targets.Add(Node($"Compile{m}", upstream, [$"artifacts/bin/m{m}/**"], []));
            targets.Add(Node($"Test{m}", [$"Compile{m}"], [$"artifacts/tests/m{m}.xml"], [$"Compile{m}"]));
            targets.Add(Node($"Pack{m}", [$"Compile{m}"], [$"artifacts/packages/m{m}.nupkg"], [$"Compile{m}"]));
            config.Job($"Test{m}").Job($"Pack{m}").Reports($"Test{m}", junit: $"artifacts/tests/m{m}.xml");
        }
        targets.Add(Node("Publish", Enumerable.Range(0, modules).Select(m => $"Pack{m}").ToList(), [], Enumerable.Range(0, modules).Select(m => $"Pack{m}").ToList()));
        config.StandardEnvironments("Publish");
        // StandardEnvironments passes the environment's name to the Environment parameter, which the graph must declare.
        var environment = new Release.Engine.Parameters.ParameterDescriptor("Environment", typeof(string), "Environment to deploy to", false, false,
            typeof(ModuleGraph).GetField(nameof(Environment), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!);
        return (new TargetGraph(targets, [environment]), config);
    }

    private static TargetNode Node(string name, IReadOnlyList<string> dependsOn, IReadOnlyList<string> produces, IReadOnlyList<string> consumes) =>
        new(name, null, false, dependsOn, [], [], produces, [], consumes.Select(c => new ArtifactLink(c, [])).ToList(), [], false, false);
}
