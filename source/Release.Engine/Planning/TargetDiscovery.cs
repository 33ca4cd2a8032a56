using System.Reflection;
using Release.Engine.Definition;
using Release.Engine.Parameters;

namespace Release.Engine.Planning;

/// <summary>
/// Finds every <see cref="Target"/> property of a build class and of the components it implements, evaluates each
/// once, and resolves the references between them.
/// </summary>
internal static class TargetDiscovery
{
    private const BindingFlags Members = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    /// <summary>
    /// Evaluates the target and target family properties (<see cref="FindDeclarations"/>) on the build, one target per
    /// family member, and links the targets.
    /// </summary>
    public static IReadOnlyList<ExecutableTarget> Discover(IBuild build, IReadOnlyList<(string Name, PropertyInfo Property)> declarations)
    {
        var targets = new List<ExecutableTarget>();
        var byMethod = new Dictionary<MethodInfo, ExecutableTarget>();
        var families = new FamilyIndex();
        foreach (var (name, property) in declarations)
        {
            if (property.PropertyType == typeof(TargetFamily))
            {
                // What the family reads to list its members (an application's declaration) concerns every member.
                var familyReads = new ParameterReads();
                TargetFamily? evaluated;
                using (build.Context.Parameters.RecordReadsInto(familyReads)) evaluated = (TargetFamily?)Evaluate(property, build);
                var family = evaluated
                    ?? throw new BuildDefinitionException(
                        $"Target family property '{name}' returned null. Return a family: new(members, (member, _) => _.Executes(...)).");
                families.Add(family.Name ?? name, family, DeclareMembers(family, family.Name ?? name, build, targets, familyReads));
                continue;
            }
            var factory = (Target)Evaluate(property, build)!
                ?? throw new BuildDefinitionException($"Target property '{name}' returned null. Return a definition: _ => _.Executes(...).");
            var definition = new TargetDefinition(name, property, build);
            using (build.Context.Parameters.RecordReadsInto(definition.DefinitionReads)) factory(definition);
            var target = new ExecutableTarget(name, targets.Count, definition);
            targets.Add(target);
            byMethod.TryAdd(factory.Method, target);
        }
        foreach (var target in targets)
            Link(target, build, byMethod, families);
        foreach (var target in targets)
            foreach (var triggered in target.Triggers)
                AddOnce(triggered.TriggeredBy, target);
        return targets;
    }

    /// <summary>
    /// Reads a target or family property. What its getter throws (a declaration it checks, such as an application's
    /// modules) is rethrown as thrown, not wrapped by reflection, so bad input still exits 2 with its own message.
    /// </summary>
    private static object? Evaluate(PropertyInfo property, IBuild build)
    {
        try { return property.GetValue(build); }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    private static List<ExecutableTarget> DeclareMembers(TargetFamily family, string familyName, IBuild build, List<ExecutableTarget> targets,
        ParameterReads familyReads)
    {
        family.CheckMembers(familyName);
        var members = new List<ExecutableTarget>(family.Members.Count);
        foreach (var member in family.Members)
        {
            var name = TargetFamily.TargetName(familyName, member);
            // No declaring property: Base() and Inherit() reuse a property's definition, and a member has none of its own.
            var definition = new TargetDefinition(name, null, build);
            definition.DefinitionReads.AddRange(familyReads.Names);
            using (build.Context.Parameters.RecordReadsInto(definition.DefinitionReads)) family.Define(member, definition);
            var target = new ExecutableTarget(name, targets.Count, definition) { Family = familyName, Member = member };
            targets.Add(target);
            members.Add(target);
        }
        return members;
    }

    /// <summary>The target properties of a build type and its components, in declaration order; needs no instance.</summary>
    public static List<(string Name, PropertyInfo Property)> FindDeclarations(Type buildType)
    {
        // The types are listed last to first: the type model's thread (Startup/BuildTypeModel) lists the same types first
        // to last for the parameters at the same time, and reflection keeps each type's list once it is made, so the two
        // threads meet in the middle instead of both making every list.
        var components = new List<Type>();
        foreach (var candidate in buildType.GetInterfaces())
            if (typeof(IBuild).IsAssignableFrom(candidate)) components.Add(candidate);
        var componentProperties = new PropertyInfo[components.Count][];
        for (var i = components.Count - 1; i >= 0; i--) componentProperties[i] = components[i].GetProperties(Members);
        var classes = new List<Type>();
        for (var type = buildType; type is not null && type != typeof(object); type = type.BaseType) classes.Add(type);
        var classProperties = new PropertyInfo[classes.Count][];
        for (var i = classes.Count - 1; i >= 0; i--) classProperties[i] = classes[i].GetProperties(Members);

        var found = new List<(string Name, PropertyInfo Property)>();
        var byName = new Dictionary<string, PropertyInfo>();
        foreach (var properties in classProperties)
            foreach (var property in properties.Where(IsTarget))
            {
                if (property.Name.Contains('.')) continue; // an explicit component implementation: found through the component
                if (byName.TryGetValue(property.Name, out var derived) && Overrides(derived, property)) continue;
                byName.TryAdd(property.Name, property);
                found.Add((property.Name, property));
            }

        for (var c = 0; c < components.Count; c++)
        {
            var component = components[c];
            foreach (var property in componentProperties[c].Where(p => IsTarget(p) && !p.Name.Contains('.')))
            {
                // Only a name found before can be the same target (a class member implementing it, or a component sharing
                // that implementation), so the interface map, which reflection builds slowly, is asked for only then.
                var clash = Named(found, property.Name);
                if (clash is null)
                {
                    found.Add((property.Name, property));
                    continue;
                }
                var map = buildType.GetInterfaceMap(component);
                var implementation = map.TargetMethods[Array.IndexOf(map.InterfaceMethods, property.GetMethod)];
                if (ImplementedByClass(found, implementation)) continue;
                if (!SameImplementation(buildType, clash, implementation))
                    throw new BuildDefinitionException(
                        $"Two targets are named '{property.Name}': one from {clash.DeclaringType!.Name}, one from {component.Name}. " +
                        $"Rename one, or implement '{property.Name}' once in {buildType.Name} so both components share it.");
            }
        }
        return found;
    }

    // Loops rather than LINQ over the tuples: generic code over value tuples is not precompiled, and start-up counts.
    private static bool ImplementedByClass(List<(string Name, PropertyInfo Property)> found, MethodInfo implementation)
    {
        foreach (var (_, property) in found)
            if (property.GetMethod == implementation) return true;
        return false;
    }

    private static PropertyInfo? Named(List<(string Name, PropertyInfo Property)> found, string name)
    {
        foreach (var (foundName, property) in found)
            if (foundName == name) return property;
        return null;
    }

    private static bool IsTarget(PropertyInfo property) =>
        (property.PropertyType == typeof(Target) || property.PropertyType == typeof(TargetFamily)) && property.GetIndexParameters().Length == 0;

    private static bool Overrides(PropertyInfo derived, PropertyInfo candidateBase) =>
        derived.GetMethod!.GetBaseDefinition() == candidateBase.GetMethod!.GetBaseDefinition();

    private static bool SameImplementation(Type buildType, PropertyInfo existing, MethodInfo implementation)
    {
        if (!existing.DeclaringType!.IsInterface) return existing.GetMethod == implementation;
        var map = buildType.GetInterfaceMap(existing.DeclaringType);
        return map.TargetMethods[Array.IndexOf(map.InterfaceMethods, existing.GetMethod)] == implementation;
    }

    private static void Link(ExecutableTarget target, IBuild build, Dictionary<MethodInfo, ExecutableTarget> byMethod, FamilyIndex families)
    {
        var definition = target.Definition;
        foreach (var other in Resolve(definition.DependsOnTargets, target, build, byMethod, families)) AddOnce(target.Dependencies, other);
        foreach (var other in Resolve(definition.DependentForTargets, target, build, byMethod, families)) AddOnce(other.Dependencies, target);
        foreach (var other in Resolve(definition.AfterTargets, target, build, byMethod, families)) AddOnce(target.RunsAfter, other);
        foreach (var other in Resolve(definition.BeforeTargets, target, build, byMethod, families)) AddOnce(other.RunsAfter, target);
        foreach (var other in Resolve(definition.TriggersTargets, target, build, byMethod, families)) AddOnce(target.Triggers, other);
        foreach (var other in Resolve(definition.TriggeredByTargets, target, build, byMethod, families)) AddOnce(other.Triggers, target);
        foreach (var consumed in definition.ConsumedArtifacts)
            foreach (var producer in Resolve([consumed.Producer], target, build, byMethod, families))
                target.Consumes.Add((producer, consumed.Globs));
    }

    private static IEnumerable<ExecutableTarget> Resolve(
        IEnumerable<TargetReference> references,
        ExecutableTarget from,
        IBuild build,
        Dictionary<MethodInfo, ExecutableTarget> byMethod,
        FamilyIndex families)
    {
        foreach (var reference in references)
        {
            if (reference.Family is not null)
            {
                foreach (var member in families.Resolve(reference, from.Name, build)) yield return member;
                continue;
            }
            var factory = reference.Resolve(build);
            if (factory is null) continue;
            yield return byMethod.TryGetValue(factory.Method, out var target)
                ? target
                : throw new BuildDefinitionException(
                    $"Target '{from.Name}' refers to a target ({reference.Text}) that is not a Target property of {build.GetType().Name}. Refer to " +
                        "target properties only.");
        }
    }

    private static void AddOnce(List<ExecutableTarget> list, ExecutableTarget target)
    {
        if (!list.Contains(target)) list.Add(target);
    }
}
