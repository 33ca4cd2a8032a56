namespace Release.Engine;

/// <summary>
/// A text parameter takes one of a fixed set of words: <c>[OneOf("auto", "podman", "docker", "process")]</c>.
/// For a closed set known to the code, an enum-typed parameter does the same. Schema: <c>enum</c> (the words as
/// declared, even when <see cref="IgnoreCase"/> lets the build accept other spellings).
/// </summary>
public sealed class OneOfAttribute : ParameterConstraintAttribute
{
    /// <summary>The words, spelled exactly.</summary>
    public OneOfAttribute(params string[] values) => Values = values;

    /// <summary>
    /// The words, spelled in any case when <paramref name="ignoreCase"/>: <c>[OneOf(["auto", "podman"], ignoreCase: true)]</c>.
    /// A constructor argument rather than a settable property: the runtime sets an attribute's properties through
    /// reflection stubs it JIT-compiles, at every start of a build.
    /// </summary>
    public OneOfAttribute(string[] values, bool ignoreCase)
    {
        Values = values;
        IgnoreCase = ignoreCase;
    }

    /// <summary>The allowed words.</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>Whether <c>Podman</c> counts as <c>podman</c>; surrounding spaces are ignored too. False by default.</summary>
    public bool IgnoreCase { get; }

    /// <inheritdoc />
    public override string Allowed => "one of " + string.Join(", ", Values);

    /// <inheritdoc />
    public override string? Check(object value)
    {
        var text = value.ToString() ?? "";
        if (IgnoreCase) text = text.Trim();
        var comparison = IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        foreach (var allowed in Values)
            if (string.Equals(allowed, text, comparison)) return null;
        return "is not a known value";
    }

    /// <inheritdoc />
    public override IReadOnlyList<SchemaKeyword> SchemaKeywords => [new("enum", Values)];
}
