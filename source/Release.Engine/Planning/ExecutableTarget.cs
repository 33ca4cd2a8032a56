using Release.Engine.Definition;

namespace Release.Engine.Planning;

/// <summary>A discovered target with its relations resolved to other targets.</summary>
internal sealed class ExecutableTarget(string name, int index, TargetDefinition definition)
{
    public string Name { get; } = name;

    /// <summary>Declaration order; breaks ties so plans are stable.</summary>
    public int Index { get; } = index;

    public TargetDefinition Definition { get; } = definition;

    /// <summary>The <see cref="TargetFamily"/> this target is a member of, or null for a target of its own.</summary>
    public string? Family { get; init; }

    /// <summary>The member this target stands for in <see cref="Family"/>.</summary>
    public string? Member { get; init; }

    /// <summary>Targets that must succeed before this one (from DependsOn and others' DependentFor).</summary>
    public List<ExecutableTarget> Dependencies { get; } = [];

    /// <summary>Targets this one runs after when both are planned (from After and others' Before).</summary>
    public List<ExecutableTarget> RunsAfter { get; } = [];

    /// <summary>Targets this one pulls in to run after it (from Triggers and others' TriggeredBy).</summary>
    public List<ExecutableTarget> Triggers { get; } = [];

    /// <summary>Targets that pull this one in (the inverse of <see cref="Triggers"/>).</summary>
    public List<ExecutableTarget> TriggeredBy { get; } = [];

    /// <summary>Targets whose artifacts this one reads, with the globs it reads.</summary>
    public List<(ExecutableTarget Producer, IReadOnlyList<string> Globs)> Consumes { get; } = [];

    public override string ToString() => Name;
}
