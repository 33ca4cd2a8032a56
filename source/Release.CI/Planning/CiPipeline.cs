using Release.Engine;
using Release.Engine.Parameters;

namespace Release.CI.Planning;

/// <summary>Everything both CI writers render: the jobs in dependency order, the triggers, schedules, secrets and team variables.</summary>
internal sealed record CiPipeline(
    string BuildClass,
    CiConfiguration Configuration,
    IReadOnlyList<CiJob> Jobs,
    IReadOnlyList<BranchTrigger> BranchRules,
    IReadOnlyList<ParameterDescriptor> Secrets,
    IReadOnlyList<ParameterDescriptor> Variables)
{
    private HashSet<PipelineContext>? _allContexts;

    /// <summary>
    /// The environment variables of the parameters that take GitLab's container registry (registry, user, password,
    /// repository), when the configuration falls back to it; null otherwise.
    /// </summary>
    public IReadOnlyList<string>? ContainerRegistryVariables { get; init; }

    /// <summary>Every context some job runs in (computed once: writers ask for it per job).</summary>
    public IReadOnlySet<PipelineContext> AllContexts => _allContexts ??= Jobs.SelectMany(j => j.Contexts).ToHashSet();

    /// <summary>Plans the pipeline, or throws one error listing every problem in the configuration.</summary>
    public static CiPipeline Plan(TargetGraph graph, CiConfiguration config, string buildClass)
    {
        var problems = new CiProblems(buildClass);
        var index = new TargetIndex(graph);
        ConfigurationValidator.Validate(config, index, problems);
        problems.ThrowIfAny();

        var jobs = JobPlanner.Plan(config, index, problems);
        JobLinker.Link(jobs, index, config, problems);
        var ordered = JobOrder.Sort(jobs, index, config, problems);
        JobNames.Assign(ordered, problems);
        ChangeFilters.Apply(ordered, index);
        var secrets = Import(config.Secrets, ordered, graph, index, j => j.Secrets);
        var variables = Import(config.TeamVariables, ordered, graph, index, j => j.Variables);
        problems.ThrowIfAny();

        var rules = config.Branches.Select(b => BranchTrigger.TryParse(b, out _)!).ToList();
        string EnvironmentNameOf(string parameter)
            => graph.Parameters.First(p => string.Equals(p.Name, parameter, StringComparison.OrdinalIgnoreCase)).EnvironmentName;
        return new CiPipeline(buildClass, config, ordered, rules, secrets, variables)
        {
            ContainerRegistryVariables = config.GitLab.ContainerRegistry is { } registry
                ? [.. new[] { registry.Registry, registry.UserName, registry.Password, registry.Repository }.Select(EnvironmentNameOf)]
                : null,
        };
    }

    /// <summary>
    /// A secret (or team variable) goes only into jobs whose targets require it (least privilege); one that no target
    /// requires goes into every job, since nothing tells which needs it.
    /// </summary>
    private static IReadOnlyList<ParameterDescriptor> Import(
        IEnumerable<string> names,
        IReadOnlyList<CiJob> jobs,
        TargetGraph graph,
        TargetIndex index,
        Func<CiJob, List<string>> into)
    {
        var parameters = names
            .Select(name => graph.Parameters.First(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        foreach (var parameter in parameters)
        {
            bool Requires(CiJob job)
                => job.Targets.Any(t => index.Find(t)!.RequiredParameters.Contains(parameter.Name, StringComparer.OrdinalIgnoreCase));
            var requiring = jobs.Where(Requires).ToList();
            foreach (var job in requiring.Count > 0 ? requiring : jobs) into(job).Add(parameter.EnvironmentName);
        }
        return parameters;
    }
}
