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

        // The getter's code pointer called with the build as its first argument (where an instance method takes `this`)
        // runs exactly that code, with no virtual dispatch. For generic code shared across instantiations the runtime
        // hands out a stub that supplies the instantiation, so the pointer is callable the same way. Not a delegate made
        // from the pointer through reflection: the runtime invokes the delegate's constructor by reflection, and from
        // the second call on it JIT-compiles an invoke stub (1.2 ms of a --help whose build calls Base() twice); nor a
        // DynamicMethod, which loads System.Reflection.Emit and JIT-compiles the method it emits.
        unsafe
        {
            return ((delegate* managed<IBuild, Target>)getter.MethodHandle.GetFunctionPointer())(build);
        }
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
