using System.Reflection;
using System.Reflection.Emit;

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

        var method = new DynamicMethod($"base_{property.Name}", typeof(Target), [typeof(object)], typeof(BaseDefinitions).Module, skipVisibility: true);
        var il = method.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(property.DeclaringType!.IsValueType ? OpCodes.Unbox : OpCodes.Castclass, property.DeclaringType);
        il.Emit(OpCodes.Call, getter);
        il.Emit(OpCodes.Ret);
        var call = (Func<object, Target>)method.CreateDelegate(typeof(Func<object, Target>));
        return call(build);
    }

    /// <summary>The base class's virtual target, or the component (interface) target of the same name, that <paramref name="property"/> overrides.</summary>
    public static PropertyInfo? FindOverridden(PropertyInfo property, Type buildType)
    {
        var getter = property.GetMethod;
        if (getter is not null && getter.IsVirtual && getter.GetBaseDefinition() != getter)
        {
            var baseGetter = getter.GetBaseDefinition();
            return baseGetter.DeclaringType!.GetProperty(property.Name, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
        }

        var shortName = property.Name[(property.Name.LastIndexOf('.') + 1)..];
        return buildType.GetInterfaces()
            .Where(i => i != property.DeclaringType)
            .Select(i => i.GetProperty(shortName, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .FirstOrDefault(p => p is not null && p.PropertyType == typeof(Target) && p.GetMethod is { IsAbstract: false });
    }
}
