using System.Linq.Expressions;
using System.Reflection;

namespace Release.Engine.Definition;

/// <summary>Reads member names out of expressions such as <c>() =&gt; ApiKey</c>.</summary>
internal static class MemberNames
{
    public static string Of(LambdaExpression expression) => MemberOf(expression).Name;

    public static PropertyInfo PropertyOf(LambdaExpression expression) =>
        MemberOf(expression) as PropertyInfo
        ?? throw new BuildDefinitionException($"'{expression}' must select a target property, like x => x.Compile.");

    private static MemberInfo MemberOf(LambdaExpression expression)
    {
        var body = expression.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : expression.Body;
        return body is MemberExpression member
            ? member.Member
            : throw new BuildDefinitionException($"'{expression}' must select a member, like () => ApiKey.");
    }
}
