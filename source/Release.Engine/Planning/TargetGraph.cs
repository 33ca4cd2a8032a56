namespace Release.Engine;

/// <summary>
/// A read-only view of a build's targets and parameters: all that CI generators and tools outside the engine see.
/// </summary>
/// <param name="Targets">Every target, in declaration order.</param>
/// <param name="Parameters">Every parameter.</param>
public sealed record TargetGraph(IReadOnlyList<TargetNode> Targets, IReadOnlyList<Parameters.ParameterDescriptor> Parameters)
{
    /// <summary>The target named <paramref name="name"/> (ignoring case), or null.</summary>
    public TargetNode? Find(string name) => Targets.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The named targets and everything they depend on or trigger, in declaration order.</summary>
    public IReadOnlyList<TargetNode> Closure(IEnumerable<string> names)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var queue = new Queue<string>(names);
        while (queue.TryDequeue(out var name))
        {
            var node = Find(name)
                ?? throw new BuildInputException($"Unknown target '{name}'. Valid targets: {string.Join(", ", Targets.Select(t => t.Name))}.");
            if (!seen.Add(node.Name)) continue;
            foreach (var next in node.DependsOn.Concat(node.Triggers)) queue.Enqueue(next);
        }
        return Targets.Where(t => seen.Contains(t.Name)).ToList();
    }
}

/// <summary>One target as CI generators see it.</summary>
public sealed record TargetNode(
    string Name,
    string? Description,
    bool Unlisted,
    IReadOnlyList<string> DependsOn,
    IReadOnlyList<string> RunsAfter,
    IReadOnlyList<string> Triggers,
    IReadOnlyList<string> Produces,
    IReadOnlyList<string> Consumes,
    IReadOnlyList<ArtifactLink> ConsumesArtifacts,
    IReadOnlyList<string> RequiredParameters,
    bool ProceedAfterFailure,
    bool AssuredAfterFailure)
{
    /// <summary>The <see cref="TargetFamily"/> the target is a member of (<c>CompileModule</c>), or null.</summary>
    public string? Family { get; init; }

    /// <summary>The member the target stands for in its family (<c>pricing</c>), or null.</summary>
    public string? Member { get; init; }

    /// <summary>
    /// Globs of the source files whose changes this target's work depends on (see <see cref="ITargetDefinition.ChangedBy"/>);
    /// empty when any change may matter.
    /// </summary>
    public IReadOnlyList<string> ChangedBy { get; init; } = [];
}

/// <summary>Artifacts a target reads from a producing target; empty <paramref name="Globs"/> means all the producer's.</summary>
public sealed record ArtifactLink(string Producer, IReadOnlyList<string> Globs);
