namespace Release.Engine.Definition;

/// <summary>A condition with the source text it was written as; the text doubles as the skip reason.</summary>
internal sealed record TargetCondition(Func<bool> Evaluate, string Text);
