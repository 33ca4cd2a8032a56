using Release.Engine;

namespace Release.CI;

/// <summary>
/// A parameter's value must be a partition <c>N/TOTAL</c> with <c>1 &lt;= N &lt;= TOTAL</c> (see <see cref="CiPartition"/>),
/// checked before anything runs; the schema carries the <c>N/TOTAL</c> form.
/// </summary>
public sealed class CiPartitionAttribute : ParameterConstraintAttribute
{
    /// <inheritdoc />
    public override string Allowed => "N/TOTAL with 1 <= N <= TOTAL, like 2/3 (generated CI files set it; leave it out to run the whole work)";

    /// <inheritdoc />
    public override string? Check(object value) => CiPartition.TryParse(value.ToString(), out _) ? null : "is not a partition";

    /// <inheritdoc />
    public override IReadOnlyList<SchemaKeyword> SchemaKeywords => [new("pattern", "^[1-9][0-9]*/[1-9][0-9]*$")];
}
