namespace Release.Engine;

/// <summary>
/// What the user gave the build is wrong (an unknown target or parameter, a bad value, a malformed file, a target
/// asked for before what it needs). The message names the place and the fix; it is all users read (no exception type).
/// Exit code 2, also when a target throws it while running.
/// </summary>
public sealed class BuildInputException : Exception
{
    /// <summary>A refusal whose message names the place and the fix.</summary>
    public BuildInputException(string message) : base(message) { }

    /// <summary>A refusal caused by <paramref name="innerException"/> (shown with <c>--verbose</c> only).</summary>
    public BuildInputException(string message, Exception? innerException) : base(message, innerException) { }
}
