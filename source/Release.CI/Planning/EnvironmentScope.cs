namespace Release.CI.Planning;

/// <summary>
/// Which targets depend on a deployment. Such a target does different work per environment (integration tests
/// against staging are not those against production), so its jobs are planned once per environment, pass the
/// environment's name, and run only under that environment's branch rules.
/// </summary>
internal sealed class EnvironmentScope
{
    private readonly TargetIndex _index;
    private readonly IReadOnlyList<EnvironmentDeclaration> _environments;
    private readonly HashSet<string> _deployTargets;
    private readonly IReadOnlyDictionary<string, TargetCiOptions> _options;

    public EnvironmentScope(CiConfiguration config, TargetIndex index)
    {
        _index = index;
        _environments = config.Environments;
        _options = config.Targets;
        _deployTargets = config.Environments.Select(e => index.Find(e.DeployTarget)!.Name).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Whether <paramref name="target"/> is or depends on a deploy target.</summary>
    public bool IsSpecific(string target) => _index.Closure(target).Overlaps(_deployTargets);

    /// <summary>
    /// The environments <paramref name="target"/> works for, one entry per environment name, each with the
    /// declarations of the deploy targets it depends on (usually one).
    /// </summary>
    public IEnumerable<IReadOnlyList<EnvironmentDeclaration>> EnvironmentsOf(string target)
    {
        var closure = _index.Closure(target);
        var only = _options.FirstOrDefault(o => string.Equals(_index.Find(o.Key)?.Name, target, StringComparison.Ordinal)).Value?.Environments;
        return _environments
            .Where(e => closure.Contains(_index.Find(e.DeployTarget)!.Name))
            .Where(e => only is null || only.Contains(e.Name, StringComparer.Ordinal))
            .GroupBy(e => e.Name, StringComparer.Ordinal)
            .Select(g => (IReadOnlyList<EnvironmentDeclaration>)g.ToList());
    }

    /// <summary>The command-line spelling of the parameter <paramref name="environment"/>'s name is passed to.</summary>
    public string ArgumentOf(EnvironmentDeclaration environment) =>
        _index.Graph.Parameters.First(p => string.Equals(p.Name, environment.Parameter, StringComparison.OrdinalIgnoreCase)).ArgumentName;

    /// <summary>The pipelines <paramref name="environment"/> deploys in.</summary>
    public static HashSet<PipelineContext> ContextsOf(EnvironmentDeclaration environment) =>
        environment.BranchRules.Select(r => PipelineContext.For(BranchTrigger.TryParse(r, out _)!)).ToHashSet();
}
