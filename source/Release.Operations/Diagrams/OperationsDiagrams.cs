using Release.CI;
using Release.Engine;
using Release.Process.Approvals;
using Release.Process.Promotion;

namespace Release.Operations.Diagrams;

/// <summary>The three pictures of a build definition: the pipeline's stages, the promotion chain with its gates, the CI jobs.</summary>
public static class OperationsDiagrams
{
    /// <summary>
    /// The stages <paramref name="entryTarget"/> runs (its dependency closure) with an edge from each stage to the
    /// stages that depend on it, drawn inside the module's group.
    /// </summary>
    /// <param name="graph">The build's target graph.</param>
    /// <param name="entryTarget">The pipeline target, e.g. <c>Pipeline</c>.</param>
    /// <param name="module">The module the pipeline builds (the group the stages are drawn in).</param>
    public static FlowGraph Pipeline(TargetGraph graph, string entryTarget, string module)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var queue = new Queue<string>([entryTarget]);
        while (queue.TryDequeue(out var name))
        {
            var node = graph.Find(name)
                ?? throw new BuildDefinitionException($"The pipeline diagram starts at target '{entryTarget}', which the build does not declare.");
            if (!seen.Add(node.Name)) continue;
            foreach (var dependency in node.DependsOn) queue.Enqueue(dependency);
        }
        var stages = graph.Targets.Where(t => seen.Contains(t.Name)).ToList();
        var nodes = stages.Select(t => new FlowNode(FlowGraph.IdOf(t.Name), t.Name, Group: "module " + module)).ToList();
        var edges = stages.SelectMany(
            t => t.DependsOn.Where(seen.Contains).Select(d => new FlowEdge(FlowGraph.IdOf(graph.Find(d)!.Name), FlowGraph.IdOf(t.Name)))).ToList();
        return new FlowGraph($"Pipeline: ./build.sh {entryTarget}", nodes, edges);
    }

    /// <summary>
    /// The promotion chain in order; before an environment with a gate, the gate (roles and quorum); before an
    /// environment that accepts only blessed releases, the blessing (from the blessed branches). Environments of one
    /// batch (<paramref name="batches"/>) are drawn in one group.
    /// </summary>
    /// <param name="chain">The promotion chain.</param>
    /// <param name="gates">The Go/NoGo gates.</param>
    /// <param name="blessedBranches">The branches whose builds may be blessed.</param>
    /// <param name="batches">Batch name per environment, when releases go out in groups; null or empty otherwise.</param>
    public static FlowGraph Promotion(EnvironmentChain chain, IReadOnlyList<GatePolicy> gates, IReadOnlyList<string> blessedBranches,
        IReadOnlyDictionary<string, string>? batches = null)
    {
        var nodes = new List<FlowNode> { new("n_build", "Pipeline build (image and chart by digest)") };
        var edges = new List<FlowEdge>();
        var previous = "n_build";
        foreach (var environment in chain.Environments)
        {
            var id = FlowGraph.IdOf("env " + environment.Name);
            if (gates.FirstOrDefault(g => g.Environment == environment.Name) is { } gate)
            {
                var gateId = FlowGraph.IdOf("gate " + environment.Name);
                nodes.Add(new(
                    gateId,
                    $"Go/NoGo {environment.Name}: {string.Join(", ", gate.RequiredRoles)} ({gate.Quorum}), {gate.Checklist.Count} checklist items",
                    FlowShape.Gate));
                edges.Add(new(previous, gateId));
                previous = gateId;
            }
            if (environment.RequiresBlessing)
            {
                var blessId = FlowGraph.IdOf("bless " + environment.Name);
                nodes.Add(new(blessId, $"Bless (builds of {string.Join(" or ", blessedBranches)})", FlowShape.Gate));
                edges.Add(new(previous, blessId));
                previous = blessId;
            }
            nodes.Add(new(id, environment.Name, Group: batches?.GetValueOrDefault(environment.Name)));
            edges.Add(new(previous, id, "Promote"));
            previous = id;
        }
        return new FlowGraph($"Promotion: {chain}", nodes, edges);
    }

    /// <summary>The CI jobs, each with an edge from every job it waits for; manual jobs drawn as such.</summary>
    /// <param name="jobs">The planned jobs (<see cref="CiJobGraph.Plan"/>).</param>
    public static FlowGraph CiJobs(IReadOnlyList<CiJobSummary> jobs)
    {
        var nodes = jobs.Select(
            j => new FlowNode(FlowGraph.IdOf(j.Name), j.Manual ? j.Name + " (manual)" : j.Name,
                j.Manual ? FlowShape.Manual : FlowShape.Box)).ToList();
        var edges = jobs.SelectMany(j => j.Needs.Select(n => new FlowEdge(FlowGraph.IdOf(n), FlowGraph.IdOf(j.Name)))).ToList();
        return new FlowGraph("CI jobs", nodes, edges);
    }
}
