namespace Release.Engine.Definition;

/// <summary>Artifacts of a producing target that a consumer reads.</summary>
internal sealed record ConsumedArtifacts(TargetReference Producer, IReadOnlyList<string> Globs);
