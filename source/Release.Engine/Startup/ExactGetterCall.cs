using System.Reflection;

namespace Release.Engine.Startup;

/// <summary>
/// Calls a target property's own getter with the build as <c>this</c>, without virtual dispatch: an instance method
/// takes <c>this</c> where a static one takes its first argument, so a function pointer to the getter's code calls
/// exactly that code, with no reflection or emitted IL (each of which costs the start of every build that uses
/// <c>Base()</c>; see README.md). Only for getters of non-generic reference types: shared generic code may need a
/// hidden instantiation argument.
/// </summary>
internal static class ExactGetterCall
{
    public static unsafe Target Invoke(MethodInfo getter, IBuild build) =>
        ((delegate* managed<IBuild, Target>)getter.MethodHandle.GetFunctionPointer())(build);
}
