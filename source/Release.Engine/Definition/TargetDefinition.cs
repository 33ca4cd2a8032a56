using System.Reflection;

namespace Release.Engine.Definition;

/// <summary>The collected definition of one target, filled by its <see cref="Target"/> function.</summary>
internal sealed class TargetDefinition(string name, PropertyInfo? declaringProperty, IBuild build) : ITargetDefinition
{
    public string Name { get; } = name;
    public PropertyInfo? DeclaringProperty { get; } = declaringProperty;
    public string? DescriptionText { get; private set; }
    public bool IsUnlisted { get; private set; }
    public List<TargetReference> DependsOnTargets { get; } = [];
    public List<TargetReference> DependentForTargets { get; } = [];
    public List<TargetReference> BeforeTargets { get; } = [];
    public List<TargetReference> AfterTargets { get; } = [];
    public List<TargetReference> TriggersTargets { get; } = [];
    public List<TargetReference> TriggeredByTargets { get; } = [];
    public List<TargetCondition> StaticConditions { get; } = [];
    public List<TargetCondition> DynamicConditions { get; } = [];
    public List<TargetCondition> RequiredConditions { get; } = [];
    public List<ParameterRequirement> RequiredParameters { get; } = [];
    public DependencyBehavior SkippedDependencyBehavior { get; private set; } = DependencyBehavior.Execute;
    public bool ProceedsAfterFailure { get; private set; }
    public bool IsAssuredAfterFailure { get; private set; }
    public List<string> ProducedGlobs { get; } = [];
    public List<string> ConsumedGlobs { get; } = [];
    public List<string> ChangedByGlobs { get; } = [];
    public List<ConsumedArtifacts> ConsumedArtifacts { get; } = [];
    public List<(string Tool, Func<CancellationToken, Task<string>> Version)> ToolVersions { get; } = [];
    public List<Func<CancellationToken, Task>> Actions { get; } = [];

    /// <summary>The parameters read while this definition was filled in (a glob or a value taken from a parameter).</summary>
    public Parameters.ParameterReads DefinitionReads { get; } = new();

    public ITargetDefinition Description(string description) { DescriptionText = description; return this; }
    public ITargetDefinition Unlisted() { IsUnlisted = true; return this; }

    public ITargetDefinition DependsOn(params Target[] targets) => Add(DependsOnTargets, targets);
    public ITargetDefinition DependsOn<T>(params Func<T, Target>[] targets) where T : IBuild => Add(DependsOnTargets, targets, false);
    public ITargetDefinition TryDependsOn<T>(params Func<T, Target>[] targets) where T : IBuild => Add(DependsOnTargets, targets, true);
    public ITargetDefinition DependsOn(TargetFamily family) { DependsOnTargets.Add(TargetReference.ToFamily(family, null)); return this; }
    public ITargetDefinition DependsOn(TargetFamily family, IEnumerable<string> members)
    {
        DependsOnTargets.Add(TargetReference.ToFamily(family, members.ToList()));
        return this;
    }
    public ITargetDefinition DependentFor(params Target[] targets) => Add(DependentForTargets, targets);
    public ITargetDefinition DependentFor<T>(params Func<T, Target>[] targets) where T : IBuild => Add(DependentForTargets, targets, false);
    public ITargetDefinition TryDependentFor<T>(params Func<T, Target>[] targets) where T : IBuild => Add(DependentForTargets, targets, true);
    public ITargetDefinition Before(params Target[] targets) => Add(BeforeTargets, targets);
    public ITargetDefinition TryBefore<T>(params Func<T, Target>[] targets) where T : IBuild => Add(BeforeTargets, targets, true);
    public ITargetDefinition After(params Target[] targets) => Add(AfterTargets, targets);
    public ITargetDefinition After(TargetFamily family, IEnumerable<string> members)
    {
        AfterTargets.Add(TargetReference.ToFamily(family, members.ToList()));
        return this;
    }
    public ITargetDefinition TryAfter<T>(params Func<T, Target>[] targets) where T : IBuild => Add(AfterTargets, targets, true);
    public ITargetDefinition Triggers(params Target[] targets) => Add(TriggersTargets, targets);
    public ITargetDefinition TryTriggers<T>(params Func<T, Target>[] targets) where T : IBuild => Add(TriggersTargets, targets, true);
    public ITargetDefinition TriggeredBy(params Target[] targets) => Add(TriggeredByTargets, targets);
    public ITargetDefinition TryTriggeredBy<T>(params Func<T, Target>[] targets) where T : IBuild => Add(TriggeredByTargets, targets, true);

    public ITargetDefinition OnlyWhenStatic(Func<bool> condition, string? conditionText = null)
    { StaticConditions.Add(new(condition, conditionText ?? "condition")); return this; }

    public ITargetDefinition OnlyWhenDynamic(Func<bool> condition, string? conditionText = null)
    { DynamicConditions.Add(new(condition, conditionText ?? "condition")); return this; }

    public ITargetDefinition Requires<T>(Func<T?> parameter, string? parameterText = null) where T : class
    { RequiredParameters.Add(new(MemberNames.Of(parameterText))); return this; }

    public ITargetDefinition Requires<T>(Func<T?> parameter, string? parameterText = null) where T : struct
    { RequiredParameters.Add(new(MemberNames.Of(parameterText))); return this; }

    public ITargetDefinition Requires(Func<bool> condition, string? conditionText = null)
    { RequiredConditions.Add(new(condition, conditionText ?? "condition")); return this; }

    public ITargetDefinition WhenSkipped(DependencyBehavior behavior) { SkippedDependencyBehavior = behavior; return this; }
    public ITargetDefinition ProceedAfterFailure() { ProceedsAfterFailure = true; return this; }
    public ITargetDefinition AssuredAfterFailure() { IsAssuredAfterFailure = true; return this; }
    public ITargetDefinition Produces(params string[] globs) { ProducedGlobs.AddRange(globs); return this; }
    public ITargetDefinition Consumes(params string[] globs) { ConsumedGlobs.AddRange(globs); return this; }

    public ITargetDefinition Consumes(Target producer, params string[] globs)
    { ConsumedArtifacts.Add(new(TargetReference.Direct(producer), globs)); return this; }

    public ITargetDefinition Consumes(TargetFamily producer, string member, params string[] globs)
    { ConsumedArtifacts.Add(new(TargetReference.ToFamily(producer, [member]), globs)); return this; }

    public ITargetDefinition ChangedBy(params string[] globs) { ChangedByGlobs.AddRange(globs); return this; }

    public ITargetDefinition TryConsumes<T>(Func<T, Target> producer, params string[] globs) where T : IBuild
    { ConsumedArtifacts.Add(new(TargetReference.Component(producer, optional: true), globs)); return this; }

    public ITargetDefinition TracksToolVersion(string tool, Func<CancellationToken, Task<string>> version)
    { ToolVersions.Add((tool, version)); return this; }

    public ITargetDefinition Inherit<T>(Func<T, Target> target, string? targetText = null) where T : IBuild
    {
        var name = MemberNames.Of(targetText, "a target property, like x => x.Compile");
        var property = typeof(T).GetProperty(name, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            ?? throw new BuildDefinitionException($"'{targetText}' must select a target property of {typeof(T).Name}, like x => x.Compile.");
        return BaseDefinitions.Invoke(property, build)(this);
    }

    public ITargetDefinition Base()
    {
        var overridden = DeclaringProperty is null ? null : BaseDefinitions.FindOverridden(DeclaringProperty, build.GetType());
        if (overridden is null)
            throw new BuildDefinitionException(
                $"Target '{Name}' calls Base(), but it overrides no base class or component target. Remove the Base() call.");
        return BaseDefinitions.Invoke(overridden, build)(this);
    }

    public ITargetDefinition Executes(Action action) { Actions.Add(_ => { action(); return Task.CompletedTask; }); return this; }
    public ITargetDefinition Executes(Func<Task> action) { Actions.Add(_ => action()); return this; }
    public ITargetDefinition Executes(Func<CancellationToken, Task> action) { Actions.Add(action); return this; }

    private TargetDefinition Add(List<TargetReference> list, Target[] targets)
    {
        foreach (var target in targets) list.Add(TargetReference.Direct(target));
        return this;
    }

    // A loop, not LINQ: a Select over Func<T, Target>[] instantiates an iterator and a closure type per component.
    private TargetDefinition Add<T>(List<TargetReference> list, Func<T, Target>[] targets, bool optional) where T : IBuild
    {
        foreach (var target in targets) list.Add(TargetReference.Component(target, optional));
        return this;
    }
}
