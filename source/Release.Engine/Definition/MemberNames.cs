namespace Release.Engine.Definition;

/// <summary>
/// Reads the member a lambda selects from its source text (<c>() =&gt; ApiKey</c>, <c>x =&gt; x.Compile</c>,
/// <c>() =&gt; ((IPush)this).Registry</c>), as the compiler hands it over through <c>CallerArgumentExpression</c>.
/// </summary>
/// <remarks>
/// The text, not an expression tree: building a tree at every <c>TryGetValue</c> and <c>Requires</c> loads
/// System.Linq.Expressions and looks each property up by reflection, a cost every start of a build paid (the start-up
/// benchmark, README "Benchmarks"). The selected member is the last identifier of the lambda's body.
/// </remarks>
internal static class MemberNames
{
    /// <summary>The member's name; <paramref name="what"/> says what the lambda must select, for the error.</summary>
    public static string Of(string? lambdaText, string what = "a member, like () => ApiKey")
    {
        var arrow = lambdaText?.IndexOf("=>", StringComparison.Ordinal) ?? -1;
        var body = arrow < 0 ? "" : lambdaText![(arrow + 2)..].Trim().TrimEnd('!');
        var dot = body.LastIndexOf('.');
        var name = body[(dot + 1)..].TrimStart('@');
        if (name.Length == 0 || !IsIdentifierStart(name[0]) || !name.All(IsIdentifierPart) || (dot >= 0 && !EndsAccess(body[..dot])))
            throw new BuildDefinitionException($"'{lambdaText}' must select {what}, written as a lambda in the call.");
        return name;
    }

    private static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';

    // What comes before the last dot is an instance or a parenthesized cast, not an operator or a call's argument list.
    private static bool EndsAccess(string target) =>
        target.Length > 0 && (IsIdentifierPart(target[^1]) || target[^1] == ')' || target[^1] == '!');
}
