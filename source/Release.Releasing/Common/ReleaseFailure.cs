namespace Release.Releasing.Common;

/// <summary>
/// A release-process rule refused what was asked. The message names the release, role, environment or file, and
/// the fix; the target fails (non-zero exit) and nothing was written.
/// </summary>
public sealed class ReleaseRefusedException(string message, Exception? inner = null) : InvalidOperationException(message, inner);
