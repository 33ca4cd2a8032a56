using System.Text.RegularExpressions;

namespace Release.Engine;

/// <summary>
/// A text parameter must match a regular expression, described in words for the message:
/// <c>[Pattern(@"^[0-9]+/[0-9]+$", "N/TOTAL, like 2/3")]</c>. Write the expression so that .NET and JSON Schema
/// (ECMA-262) read it alike: anchors, character classes such as <c>[0-9]</c>, no inline options. Schema: <c>pattern</c>.
/// </summary>
public sealed class PatternAttribute(string pattern, string description) : ParameterConstraintAttribute
{
    /// <summary>The regular expression; a value must match it (anchor it with <c>^...$</c> to match the whole value).</summary>
    public string Pattern { get; } = pattern;

    /// <summary>What a matching value looks like, worded to follow "it must be", e.g. <c>a version like 1.4.0</c>.</summary>
    public string Description { get; } = description;

    /// <inheritdoc />
    public override string Allowed => Description;

    /// <inheritdoc />
    public override string? Check(object value)
    {
        // Built only when a value is given, so declaring a pattern costs a start-up (and --help) nothing.
        try
        {
            return Regex.IsMatch(value.ToString() ?? "", Pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))
                ? null
                : "does not have that form";
        }
        catch (ArgumentException e)
        {
            throw new BuildDefinitionException($"[Pattern(\"{Pattern}\")] is not a valid regular expression ({e.Message}). Fix the expression.");
        }
        catch (RegexMatchTimeoutException)
        {
            return "took too long to check against the expected form";
        }
    }

    /// <inheritdoc />
    public override IReadOnlyList<SchemaKeyword> SchemaKeywords => [new("pattern", Pattern)];
}
