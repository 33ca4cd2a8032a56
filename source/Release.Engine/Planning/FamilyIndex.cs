using System.Reflection;
using Release.Engine.Definition;

namespace Release.Engine.Planning;

/// <summary>
/// The discovered target families, found again from a reference. A family property builds a new
/// <see cref="TargetFamily"/> each time it is read, so a reference is matched by the family's explicit name, or else by
/// its shaping function (the same lambda each time), as target references are.
/// </summary>
internal sealed class FamilyIndex
{
    private readonly Dictionary<string, List<ExecutableTarget>> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Dictionary<string, ExecutableTarget>> _membersByName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<MethodInfo, List<string>> _namesByFunction = new();

    public void Add(string name, TargetFamily family, List<ExecutableTarget> members)
    {
        if (!_byName.TryAdd(name, members))
            throw new BuildDefinitionException($"Two target families are named '{name}'. Give each family its own name.");
        _membersByName[name] = members.ToDictionary(m => m.Member!, StringComparer.OrdinalIgnoreCase);
        if (!_namesByFunction.TryGetValue(family.Define.Method, out var names)) _namesByFunction[family.Define.Method] = names = [];
        names.Add(name);
    }

    /// <summary>The member targets a family reference names, in the order it names them.</summary>
    public IEnumerable<ExecutableTarget> Resolve(TargetReference reference, string from, IBuild build)
    {
        var family = reference.Family!;
        var name = family.Name ?? FindName(family, from, build);
        if (!_byName.TryGetValue(name, out var members))
            throw new BuildDefinitionException(
                $"Target '{from}' refers to target family '{name}', which is not a TargetFamily property of {build.GetType().Name}. Refer to family properties only.");
        if (reference.Members is null) return members;
        var byMember = _membersByName[name];
        return reference.Members.Select(member => byMember.GetValueOrDefault(member)
            ?? throw new BuildDefinitionException(
                $"Target '{from}' refers to '{TargetFamily.TargetName(name, member)}', but family '{name}' has no member '{member}' " +
                $"(members: {string.Join(", ", members.Select(m => m.Member))}). Refer to a listed member, or add '{member}' to the family's members."));
    }

    private string FindName(TargetFamily family, string from, IBuild build)
    {
        if (!_namesByFunction.TryGetValue(family.Define.Method, out var names))
            throw new BuildDefinitionException(
                $"Target '{from}' refers to a target family that is not a TargetFamily property of {build.GetType().Name}. Refer to family properties only.");
        if (names.Count > 1)
            throw new BuildDefinitionException(
                $"Target '{from}' refers to a target family made by the same function as families {string.Join(" and ", names)}, " +
                "so it cannot tell which. " +
                "Give each family a name: new TargetFamily(members, define, name: \"...\").");
        return names[0];
    }
}
