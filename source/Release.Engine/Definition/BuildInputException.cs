namespace Release.Engine;

/// <summary>
/// What the user gave the build is wrong (an unknown target or parameter, a bad value, a malformed file).
/// The message names the place and the fix. Exit code 2.
/// </summary>
public sealed class BuildInputException(string message) : Exception(message);
