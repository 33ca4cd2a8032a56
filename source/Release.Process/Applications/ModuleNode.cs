namespace Release.Process.Applications;

/// <summary>One module of an application as the module graph sees it: its name and the modules it needs.</summary>
/// <param name="Name">The module's name, unique in its application (compared ignoring case).</param>
/// <param name="DependsOn">The names of the modules it needs at build or run time, in the order declared.</param>
public sealed record ModuleNode(string Name, IReadOnlyList<string> DependsOn);
