using System.Reflection;

namespace Release.Engine.Parameters;

/// <summary>A declared parameter: the member it lives on, its type and its attributes.</summary>
public sealed record ParameterDescriptor(string Name, Type Type, string? Description, bool IsSecret, bool IsRequired, MemberInfo Member)
{
    /// <summary>The rules a value from any source must follow (see <see cref="ParameterConstraintAttribute"/>); checked before anything
    /// runs.</summary>
    public IReadOnlyList<ParameterConstraintAttribute> Constraints { get; init; } = [];

    /// <summary>The command-line spelling: <c>--max-parallel</c> for <c>MaxParallel</c>.</summary>
    public string ArgumentName => "--" + NameMatching.ToKebabCase(Name);

    /// <summary>The conventional environment variable: <c>MAX_PARALLEL</c> for <c>MaxParallel</c>.</summary>
    public string EnvironmentName => NameMatching.ToKebabCase(Name).Replace('-', '_').ToUpperInvariant();

    /// <summary>Whether the engine injects the value into the member (fields and settable properties of the build class).</summary>
    public bool IsInjectable => Member switch
    {
        FieldInfo fieldInfo => !fieldInfo.DeclaringType!.IsInterface,
        PropertyInfo property => property.SetMethod is not null && !property.DeclaringType!.IsInterface,
        _ => false,
    };

    /// <summary>The member's current value on a build (reads interface defaults through the build).</summary>
    public object? ReadFrom(IBuild build) => Member switch
    {
        FieldInfo fieldInfo => fieldInfo.GetValue(build),
        PropertyInfo property => property.GetValue(build),
        _ => null,
    };

    /// <summary>Sets the member on a build (fields and settable properties only).</summary>
    public void WriteTo(IBuild build, object? value)
    {
        if (Member is FieldInfo fieldInfo) fieldInfo.SetValue(build, value);
        else if (Member is PropertyInfo property) property.SetValue(build, value);
    }
}
