using System.Reflection;

namespace Release.Engine.Parameters;

/// <summary>Finds the parameters of a build class and of every component it implements.</summary>
public static class ParameterDiscovery
{
    private const BindingFlags Members = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    /// <summary>All parameters, one per name; a name declared twice with different types is a definition error.</summary>
    public static IReadOnlyList<ParameterDescriptor> Discover(Type buildType)
    {
        var members = new List<MemberInfo>();
        // Properties, then fields, as GetMembers lists them; asking for just these two skips every method of the build.
        for (var type = buildType; type is not null && type != typeof(object); type = type.BaseType)
        {
            members.AddRange(type.GetProperties(Members | BindingFlags.DeclaredOnly));
            members.AddRange(type.GetFields(Members | BindingFlags.DeclaredOnly));
        }
        foreach (var component in buildType.GetInterfaces().Where(i => typeof(IBuild).IsAssignableFrom(i)))
            members.AddRange(component.GetProperties(Members | BindingFlags.DeclaredOnly));

        var result = new Dictionary<string, ParameterDescriptor>(StringComparer.OrdinalIgnoreCase);
        foreach (var member in members)
        {
            // Asked first without inheritance, which reads the member's own attribute list only: about half the cost of
            // the inheriting query below, on every one of the ~220 members at every start. A parameter declared on a base
            // class property is still found, there: the class chain's own members are listed too.
            if (!member.IsDefined(typeof(ParameterAttribute), inherit: false)) continue;
            var attribute = member.GetCustomAttribute<ParameterAttribute>()!;
            var type = member is FieldInfo f ? f.FieldType : ((PropertyInfo)member).PropertyType;
            var name = member.Name[(member.Name.LastIndexOf('.') + 1)..];
            // Typed queries only: asking for every attribute would also create the compiler's (nullable) ones, on every start.
            var constraints = Attribute.GetCustomAttributes(member, typeof(ParameterConstraintAttribute), inherit: true);
            var secret = member.IsDefined(typeof(SecretAttribute));
            var required = member.IsDefined(typeof(RequiredAttribute));
            var descriptor = new ParameterDescriptor(name, type, attribute.Description, secret, required, member)
            {
                // The runtime returns an array of the asked type; the fallback only guards against that changing.
                Constraints = constraints.Length == 0
                    ? []
                    : constraints as ParameterConstraintAttribute[] ?? constraints.Cast<ParameterConstraintAttribute>().ToArray(),
            };
            if (result.TryGetValue(name, out var existing))
            {
                if (existing.Type != type)
                    throw new BuildDefinitionException(
                        $"Parameter '{name}' is declared as {existing.Type.Name} by {existing.Member.DeclaringType?.Name} and as {type.Name} by " +
                            $"{member.DeclaringType?.Name}. Give one of them another name.");
                // A redeclaration narrows, never widens: a value must follow the rules of every declaration.
                var merged = existing.Constraints.Count == 0 ? descriptor.Constraints
                    : descriptor.Constraints.Count == 0 ? existing.Constraints
                    : [.. existing.Constraints, .. descriptor.Constraints];
                // The build class's own member wins over a component's, so injection reaches the field.
                if (!existing.Member.DeclaringType!.IsInterface)
                {
                    result[name] = existing with { Constraints = merged };
                    continue;
                }
                descriptor = descriptor with { Constraints = merged };
            }
            result[name] = descriptor;
        }
        var sorted = result.Values.ToList();
        sorted.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return sorted;
    }
}
