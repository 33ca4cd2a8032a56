using System.Reflection;
using Release.Testing.Approvals;

namespace Release.Engine.Tests.Api;

/// <summary>
/// The engine's public API is a promise to every build definition: any change to it shows up here as a snapshot diff
/// that a reviewer approves on purpose.
/// </summary>
public class PublicApiTests
{
    [Test]
    public void The_public_API_matches_the_approved_snapshot()
    {
        var assembly = typeof(Target).Assembly;
        var lines = assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal).SelectMany(Describe);
        Approval.Verify(string.Join("\n", lines) + "\n", "Release.Engine.PublicApi");
    }

    private static IEnumerable<string> Describe(Type type)
    {
        var kind = type.IsInterface ? "interface" : type.IsEnum ? "enum" : type.IsValueType ? "struct" : typeof(Delegate).IsAssignableFrom(type) ? "delegate" : "class";
        yield return $"{kind} {Name(type)}";
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var members = type.GetMembers(flags)
            .Where(m => m is not MethodInfo { IsSpecialName: true } && m.Name != "<Clone>$" && m.DeclaringType == type)
            .Select(Member).Where(m => m is not null).Order(StringComparer.Ordinal);
        foreach (var member in members) yield return "  " + member;
    }

    private static string? Member(MemberInfo member) => member switch
    {
        ConstructorInfo c => $"ctor({Parameters(c)})",
        MethodInfo m => $"{(m.IsStatic ? "static " : "")}{Name(m.ReturnType)} {m.Name}{(m.IsGenericMethod ? $"<{string.Join(", ", m.GetGenericArguments().Select(Name))}>" : "")}({Parameters(m)})",
        PropertyInfo p => $"{Name(p.PropertyType)} {p.Name} {{ {(p.GetMethod?.IsPublic == true ? "get; " : "")}{(p.SetMethod?.IsPublic == true ? "set; " : "")}}}",
        FieldInfo f => $"{(f.IsStatic ? "static " : "")}{(f.IsLiteral ? "const " : "")}{Name(f.FieldType)} {f.Name}",
        EventInfo e => $"event {Name(e.EventHandlerType!)} {e.Name}",
        Type nested => $"nested {Name(nested)}",
        _ => null,
    };

    private static string Parameters(MethodBase method) => string.Join(", ", method.GetParameters().Select(p => $"{Name(p.ParameterType)} {p.Name}"));

    private static string Name(Type type) => type.IsByRef ? Name(type.GetElementType()!) + "&"
        : type.IsArray ? Name(type.GetElementType()!) + "[]"
        : type.IsGenericType
        ? $"{type.Name[..type.Name.IndexOf('`')]}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>"
        : type.IsGenericParameter ? type.Name : type.FullName ?? type.Name;
}
