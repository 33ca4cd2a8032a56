namespace Release.Tooling.Processes;

/// <summary>Thrown when a process runs longer than <see cref="ProcessSpec.Timeout"/>; its process tree has been killed.</summary>
public sealed class ProcessTimeoutException : TimeoutException
{
    /// <summary>Creates the exception; all inputs must already be masked.</summary>
    public ProcessTimeoutException(string commandLine, TimeSpan timeout, IReadOnlyList<string> lastLines)
        : base($"Command did not finish within {timeout} and was killed with its child processes: {commandLine}\n" +
               $"Raise ProcessSpec.Timeout if it needs longer. Last {lastLines.Count} lines of output:\n" +
               string.Join('\n', lastLines.Select(l => "  " + l)))
    {
        CommandLine = commandLine;
        Timeout = timeout;
        LastLines = lastLines;
    }

    /// <summary>The command line that timed out, with secrets masked.</summary>
    public string CommandLine { get; }

    /// <summary>The timeout that was exceeded.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>The last lines of output before the kill, masked.</summary>
    public IReadOnlyList<string> LastLines { get; }
}
