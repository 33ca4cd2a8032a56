using System.Globalization;

namespace Release.Engine;

/// <summary>
/// A numeric parameter's value (a duration's, in seconds) must lie between <see cref="Minimum"/> and <see cref="Maximum"/>, both included:
/// <c>[Range(1, 65535)]</c>, or <c>[Range(1)]</c> for "at least 1". Schema: <c>minimum</c>, <c>maximum</c>.
/// </summary>
public sealed class RangeAttribute(double minimum, double maximum = double.PositiveInfinity) : ParameterConstraintAttribute
{
    /// <summary>The smallest allowed value.</summary>
    public double Minimum { get; } = minimum;

    /// <summary>The largest allowed value (<see cref="double.PositiveInfinity"/>: no upper bound).</summary>
    public double Maximum { get; } = maximum;

    /// <inheritdoc />
    public override string Allowed => double.IsPositiveInfinity(Maximum) ? $"at least {Text(Minimum)}" : $"from {Text(Minimum)} to {Text(Maximum)}";

    /// <inheritdoc />
    public override string? Check(object value)
    {
        var number = value switch
        {
            int or long or short or byte or double or float or decimal => Convert.ToDouble(value, CultureInfo.InvariantCulture),
            TimeSpan span => span.TotalSeconds,
            _ => throw new BuildDefinitionException(
                $"[Range] applies to numbers, not to a parameter of type {value.GetType().Name}. Remove it or use another constraint."),
        };
        return number < Minimum ? $"is less than {Text(Minimum)}" : number > Maximum ? $"is greater than {Text(Maximum)}" : null;
    }

    /// <inheritdoc />
    public override IReadOnlyList<SchemaKeyword> SchemaKeywords => double.IsPositiveInfinity(Maximum)
        ? [new("minimum", Minimum)]
        : [new("minimum", Minimum), new("maximum", Maximum)];

    private static string Text(double number) => number.ToString("R", CultureInfo.InvariantCulture);
}
