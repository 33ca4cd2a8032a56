namespace Release.Engine;

/// <summary>
/// Marks a field or property as a parameter, set from <c>--kebab-case</c> arguments, environment variables,
/// <c>.nuke/parameters.json</c> or a profile file.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class ParameterAttribute(string? description = null) : Attribute
{
    /// <summary>What the parameter is for; shown by <c>--help</c> and in the schema.</summary>
    public string? Description { get; } = description;
}

/// <summary>Marks a parameter as secret: its value is masked in every line the engine or a tool prints.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class SecretAttribute : Attribute;

/// <summary>Marks a parameter as required by every target: the build refuses to start without it.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class RequiredAttribute : Attribute;
