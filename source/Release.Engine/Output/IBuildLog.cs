namespace Release.Engine;

/// <summary>The build's log. Every line is prefixed with the running target and has secrets masked.</summary>
public interface IBuildLog
{
    /// <summary>An ordinary line.</summary>
    void Information(string message);

    /// <summary>A line that deserves attention but does not fail the build.</summary>
    void Warning(string message);

    /// <summary>A line describing a failure.</summary>
    void Error(string message);
}
