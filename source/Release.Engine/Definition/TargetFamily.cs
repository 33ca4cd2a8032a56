using Release.Engine.Definition;

namespace Release.Engine;

/// <summary>
/// A family of targets declared from data: one target per member (per module of an application, per service, per
/// environment), each shaped by the same function. Declare it as a property, like a target:
/// <code>
/// TargetFamily CompileModule =&gt; new(Modules, (module, _) =&gt; _
///     .DependsOn(Restore)
///     .DependsOn(CompileModule, Graph.DependenciesOf(module))   // members of the same family, following a graph
///     .Executes(() =&gt; Compile(module)));
/// </code>
/// Each member becomes an ordinary target named <c>Family.member</c> (<c>CompileModule.pricing</c>): planning, the
/// scheduler, <c>--skip</c>, the summary, incremental state and CI generation see no difference.
/// </summary>
public sealed class TargetFamily
{
    /// <summary>What separates the family's name from the member's in a target name.</summary>
    public const char Separator = '.';

    /// <summary>Declares a family.</summary>
    /// <param name="members">The members, one target each, in the order their targets are declared.</param>
    /// <param name="define">Shapes one member's target, given the member's name.</param>
    /// <param name="name">
    /// The family's name; by default the name of the property that declares it. Needed only when one function makes
    /// several families (a helper called once per stage), since references then cannot tell them apart otherwise.
    /// </param>
    public TargetFamily(IEnumerable<string> members, Func<string, ITargetDefinition, ITargetDefinition> define, string? name = null)
    {
        Members = members.ToList();
        Define = define;
        Name = name;
    }

    /// <summary>The members, in declaration order.</summary>
    public IReadOnlyList<string> Members { get; }

    /// <summary>The explicit name, or null for the declaring property's name.</summary>
    public string? Name { get; }

    internal Func<string, ITargetDefinition, ITargetDefinition> Define { get; }

    /// <summary>The name of a member's target: <c>CompileModule.pricing</c>.</summary>
    public static string TargetName(string family, string member) => family + Separator + member;

    /// <summary>Rejects member lists no target name can be made of: empty names, odd characters, a name twice.</summary>
    internal void CheckMembers(string family)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var member in Members)
        {
            if (string.IsNullOrEmpty(member) || !member.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
                throw new BuildDefinitionException(
                    $"Target family '{family}' has a member named '{member}'. Member names become target, file and CI job names: " +
                    "use ASCII letters, digits, '-' and '_' only.");
            if (!seen.Add(member))
                throw new BuildDefinitionException(
                    $"Target family '{family}' has two members named '{member}' (names are compared ignoring case). List each member once.");
        }
    }
}
