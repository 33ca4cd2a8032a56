namespace Release.Engine;

/// <summary>
/// A text parameter, when given, must not be empty or blank: <c>--release ''</c> is refused instead of quietly meaning
/// "not given". Schema: <c>minLength</c> 1.
/// </summary>
public sealed class NotEmptyAttribute : ParameterConstraintAttribute
{
    /// <inheritdoc />
    public override string Allowed => "a value that is not empty (leave the parameter out to use its default)";

    /// <inheritdoc />
    public override string? Check(object value) => string.IsNullOrWhiteSpace(value.ToString()) ? "is empty" : null;

    /// <inheritdoc />
    public override IReadOnlyList<SchemaKeyword> SchemaKeywords => [new("minLength", 1d)];
}
