namespace Release.Containers.Builders;

/// <summary>
/// <see cref="AppImageBuilder"/> was given input it cannot build from: a missing publish folder or entry assembly,
/// a base layout that is missing, incomplete or lacks the named image. The message names the path or tag and the fix.
/// </summary>
public sealed class AppImageInputException : Exception
{
    /// <summary>Creates the error; <paramref name="subject"/> is the path or tag at fault.</summary>
    public AppImageInputException(string subject, string message, Exception? inner = null)
        : base(message, inner) => Subject = subject;

    /// <summary>The path or tag at fault, e.g. the publish folder or the base layout's tag.</summary>
    public string Subject { get; }
}
