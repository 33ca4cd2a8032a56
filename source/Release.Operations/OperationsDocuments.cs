using Release.CI;
using Release.Operations.Diagrams;
using Release.Operations.Runbooks;
using Release.Releasing.Common;

namespace Release.Operations;

/// <summary>What the build definition says about operations, read once per command: the runbook's input and the diagrams.</summary>
internal static class OperationsDocuments
{
    /// <summary>The release process of the build, with the manual CI job that takes releases into production when the CI declares one.</summary>
    public static RunbookDefinition Definition(IOperations build)
    {
        var production = build.PromotionChain.Environments.Where(e => e.RequiresBlessing).Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        var job = Jobs(build).FirstOrDefault(j => j.Manual && j.Environment is { } environment && production.Contains(environment));
        return new RunbookDefinition(build.Module, build.PromotionChain, build.Gates, build.BlessedBranches,
            job is null ? null : new ProductionJob(job.Name, job.Command));
    }

    /// <summary>The CI jobs, when the build declares its CI; none otherwise.</summary>
    public static IReadOnlyList<CiJobSummary> Jobs(IOperations build) =>
        build is IContinuousIntegration ci ? CiJobGraph.Plan(build.Context.Graph, ci.Ci, build.GetType().Name) : [];

    /// <summary>The pipeline, promotion and (with a CI) CI job diagrams.</summary>
    public static IReadOnlyList<FlowGraph> Diagrams(IOperations build)
    {
        var diagrams = new List<FlowGraph>();
        if (build.Context.Graph.Find(build.PipelineTarget) is not null)
            diagrams.Add(OperationsDiagrams.Pipeline(build.Context.Graph, build.PipelineTarget, build.Module));
        diagrams.Add(OperationsDiagrams.Promotion(build.PromotionChain, build.Gates, build.BlessedBranches, build.PromotionBatches));
        var jobs = Jobs(build);
        if (jobs.Count > 0) diagrams.Add(OperationsDiagrams.CiJobs(jobs));
        return diagrams;
    }

    /// <summary>The committed documents: runbook (Markdown, HTML), RACI matrix, diagrams.</summary>
    public static IReadOnlyList<GeneratedFile> Generate(IOperations build)
    {
        var runbook = RunbookPlanner.Plan(Definition(build), "VERSION");
        var folder = build.OperationsDocsFolder.TrimEnd('/');
        var diagrams = string.Concat(Diagrams(build).Select(d => $"## {d.Title}\n\n```mermaid\n{MermaidFlowchart.Render(d)}```\n\n"));
        return
        [
            new GeneratedFile($"{folder}/runbook.md", RunbookMarkdown.Runbook(runbook)),
            new GeneratedFile($"{folder}/runbook.html", RunbookHtml.Document(runbook)),
            new GeneratedFile($"{folder}/raci.md", RunbookMarkdown.Raci(RaciMatrix.From(runbook), build.Module)),
            new GeneratedFile($"{folder}/diagrams.md", $"{RunbookMarkdown.GeneratedNotice}\n\n# Flow diagrams: {build.Module}\n\n{diagrams}"),
        ];
    }
}
