namespace Release.Engine;

/// <summary>
/// The build definition itself is wrong (a cycle, a duplicate target, a broken reference, a component's declaration
/// that cannot work). The message names the place and the fix. Exit code 2, also when a target throws it while running.
/// </summary>
public sealed class BuildDefinitionException : Exception
{
    /// <summary>A definition error whose message names the place and the fix.</summary>
    public BuildDefinitionException(string message) : base(message) { }

    /// <summary>A definition error caused by <paramref name="innerException"/> (shown with <c>--verbose</c> only).</summary>
    public BuildDefinitionException(string message, Exception? innerException) : base(message, innerException) { }
}
