namespace Release.Engine.Definition;

/// <summary>
/// A reference from one target's definition to another target, resolved against the build instance once
/// every target is known. Component references may be optional (the Try* forms).
/// </summary>
internal sealed record TargetReference(Func<IBuild, Target?> Resolve, string Text)
{
    public static TargetReference Direct(Target target) =>
        new(_ => target, target.Method.Name);

    public static TargetReference Component<T>(Func<T, Target> selector, bool optional) where T : IBuild =>
        new(build => build switch
        {
            T component => selector(component),
            _ when optional => null,
            _ => throw new BuildDefinitionException(
                $"A target depends on component {typeof(T).Name}, but the build class {build.GetType().Name} does not implement it. " +
                $"Add {typeof(T).Name} to the build class, or use the Try* form for an optional link."),
        }, typeof(T).Name);
}
