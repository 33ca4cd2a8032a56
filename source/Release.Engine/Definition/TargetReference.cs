using System.Runtime.CompilerServices;

namespace Release.Engine.Definition;

/// <summary>
/// A reference from one target's definition to another target, resolved against the build instance once
/// every target is known. Component references may be optional (the Try* forms).
/// </summary>
/// <remarks>
/// Not generic on purpose: every generic type or method instantiated per component (closures, iterators) is a type
/// the runtime builds at the start of every build, and a build refers to dozens of components.
/// </remarks>
internal sealed class TargetReference
{
    private readonly Target? _target;
    private readonly Type? _component;
    private readonly Delegate? _selector;
    private readonly bool _optional;

    private TargetReference(Target? target, Type? component, Delegate? selector, bool optional)
    {
        _target = target;
        _component = component;
        _selector = selector;
        _optional = optional;
    }

    private TargetReference(TargetFamily family, IReadOnlyList<string>? members)
    {
        Family = family;
        Members = members;
    }

    /// <summary>How the reference reads in messages: the target's method, the component's name, or the family's.</summary>
    public string Text => Family is not null ? Family.Name ?? Family.Define.Method.Name : _target?.Method.Name ?? _component!.Name;

    /// <summary>The family whose members this reference names, or null for a reference to one target.</summary>
    public TargetFamily? Family { get; }

    /// <summary>The members named (null: every member of <see cref="Family"/>).</summary>
    public IReadOnlyList<string>? Members { get; }

    public static TargetReference Direct(Target target) => new(target, null, null, optional: false);

    public static TargetReference ToFamily(TargetFamily family, IReadOnlyList<string>? members) => new(family, members);

    public static TargetReference Component<T>(Func<T, Target> selector, bool optional) where T : IBuild =>
        new(null, typeof(T), selector, optional);

    /// <summary>The referenced target, or null for an optional link to a component the build does not implement.</summary>
    public Target? Resolve(IBuild build)
    {
        if (_target is not null) return _target;
        if (_component!.IsInstanceOfType(build))
            // The selector is a Func<T, Target> and the build is a T (checked above): calling it as a Func<IBuild, Target>
            // passes the same reference, without a generic helper instantiated per component.
            return Unsafe.As<Func<IBuild, Target>>(_selector!)(build);
        if (_optional) return null;
        throw new BuildDefinitionException(
            $"A target depends on component {_component.Name}, but the build class {build.GetType().Name} does not implement it. " +
            $"Add {_component.Name} to the build class, or use the Try* form for an optional link.");
    }
}
