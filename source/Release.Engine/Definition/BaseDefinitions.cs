using System.Reflection;

namespace Release.Engine.Definition;

/// <summary>
/// Calls a target property's own getter without virtual dispatch, so an override can reuse the definition it replaces.
/// C# has no syntax for calling a component's default implementation from an implementing class; IL does.
/// </summary>
internal static class BaseDefinitions
{
    public static Target Invoke(PropertyInfo property, IBuild build)
    {
        var getter = property.GetMethod
            ?? throw new BuildDefinitionException($"Target property '{property.Name}' has no getter.");
        if (getter.IsAbstract)
            throw new BuildDefinitionException(
                $"Target '{property.Name}' of {property.DeclaringType?.Name} has no default definition to inherit. Remove the Inherit/Base call.");

        // A delegate made from the getter's code pointer calls exactly that code, with no virtual dispatch. It is made
        // through the delegate type's (object, IntPtr) constructor, the one C# itself uses, rather than emitting a call
        // instruction in a DynamicMethod: that loaded System.Reflection.Emit and JIT-compiled a method at every start
        // of a build that calls Base() (the start-up benchmark, README "Benchmarks").
        var call = (Func<Target>)Activator.CreateInstance(typeof(Func<Target>), build, getter.MethodHandle.GetFunctionPointer())!;
        return call();
    }

    /// <summary>
    /// The definition that <paramref name="property"/> overrides: for a component target implemented elsewhere, the
    /// component's own default; for a class target, the nearest base class's target of the same name, else a
    /// component target of that name.
    /// </summary>
    public static PropertyInfo? FindOverridden(PropertyInfo property, Type buildType)
    {
        const BindingFlags members = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        if (property.DeclaringType!.IsInterface)
        {
            var map = buildType.GetInterfaceMap(property.DeclaringType);
            var implementation = map.TargetMethods[Array.IndexOf(map.InterfaceMethods, property.GetMethod)];
            return implementation != property.GetMethod && property.GetMethod is { IsAbstract: false } ? property : null;
        }

        for (var type = property.DeclaringType.BaseType; type is not null && type != typeof(object); type = type.BaseType)
            if (type.GetProperty(property.Name, members) is { GetMethod.IsAbstract: false } candidate && candidate.PropertyType == typeof(Target))
                return candidate;

        return buildType.GetInterfaces()
            .Select(i => i.GetProperty(property.Name, members))
            .FirstOrDefault(p => p is not null && p.PropertyType == typeof(Target) && p.GetMethod is { IsAbstract: false });
    }
}
