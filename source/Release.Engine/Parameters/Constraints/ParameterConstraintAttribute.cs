namespace Release.Engine;

/// <summary>
/// A rule a parameter's value must follow, declared beside <see cref="ParameterAttribute"/>:
/// <c>[Parameter("Port"), Range(1, 65535)] int? ContainerPort =&gt; ...</c>. Before anything is planned or run, the
/// engine checks every value a source gave (command line, environment, a parameters file, the prompt; an array item by
/// item) and refuses one that breaks a rule with exit code 2 and a message naming the parameter as
/// <c>--kebab-case</c>, the value, where it came from, what is allowed and where to fix it. Defaults written in code are
/// not checked: they are the build author's, not the user's. The rule also goes into <c>.nuke/build.schema.json</c>
/// (<see cref="SchemaKeywords"/>), so editors flag a bad value in <c>parameters.json</c> as it is typed.
/// Derive from this class for a rule of your own.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = true)]
public abstract class ParameterConstraintAttribute : Attribute
{
    /// <summary>What the rule allows, worded to follow "it must be", e.g. <c>from 1 to 65535</c>.</summary>
    public abstract string Allowed { get; }

    /// <summary>
    /// Why <paramref name="value"/> breaks the rule, worded to follow the value, e.g. <c>is greater than 65535</c>;
    /// null when the value is allowed. <paramref name="value"/> is already converted to the parameter's type (for an
    /// array, one item); a rule that cannot apply to that type throws <see cref="BuildDefinitionException"/>.
    /// </summary>
    public abstract string? Check(object value);

    /// <summary>
    /// The JSON Schema (draft-07) keywords that say the same, added to the parameter's schema (to its <c>items</c> for
    /// an array): values are strings, numbers (<see cref="double"/>) or lists of strings. None by default.
    /// </summary>
    public virtual IReadOnlyList<SchemaKeyword> SchemaKeywords => [];
}
