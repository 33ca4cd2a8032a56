namespace Release.Engine.Definition;

/// <summary>A parameter a target requires, by member name.</summary>
internal sealed record ParameterRequirement(string MemberName);
