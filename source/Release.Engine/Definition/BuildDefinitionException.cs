namespace Release.Engine;

/// <summary>The build definition itself is wrong (a cycle, a duplicate target, a broken reference). Exit code 2.</summary>
public sealed class BuildDefinitionException(string message) : Exception(message);
