namespace Release.Process.Applications;

/// <summary>
/// Thrown when an application's modules cannot form a graph: a name used twice, a dependency on no module, a cycle.
/// The message names the module and the fix; callers that know where the module was declared add the place.
/// </summary>
public sealed class ModuleGraphException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="module">The module whose declaration is wrong.</param>
    /// <param name="message">What is wrong and how to fix it.</param>
    public ModuleGraphException(string module, string message) : base(message) => Module = module;

    /// <summary>The module whose declaration is wrong (for a cycle, the first module of the cycle in declaration order).</summary>
    public string Module { get; }
}
