namespace Release.Engine.Parameters;

/// <summary>A parameter's text as one source gave it, and where it came from (for messages and <c>--help</c>).</summary>
public sealed record RawValue(IReadOnlyList<string> Values, string Source);
