namespace Release.Tooling.Processes;

/// <summary>Thrown when a process exits with a non-zero code that the caller did not allow.</summary>
public sealed class ProcessFailedException : Exception
{
    /// <summary>Creates the exception; all inputs must already be masked.</summary>
    public ProcessFailedException(string commandLine, int exitCode, IReadOnlyList<string> lastLines)
        : base(BuildMessage(commandLine, exitCode, lastLines))
    {
        CommandLine = commandLine;
        ExitCode = exitCode;
        LastLines = lastLines;
    }

    /// <summary>The command line that failed, with secrets masked.</summary>
    public string CommandLine { get; }

    /// <summary>The exit code of the process.</summary>
    public int ExitCode { get; }

    /// <summary>The last lines of standard output and error (interleaved as received), masked.</summary>
    public IReadOnlyList<string> LastLines { get; }

    private static string BuildMessage(string commandLine, int exitCode, IReadOnlyList<string> lastLines)
    {
        var tail = lastLines.Count == 0
            ? "(the process wrote no output)"
            : string.Join('\n', lastLines.Select(l => "  " + l));
        return $"Command exited with code {exitCode}: {commandLine}\nLast {lastLines.Count} lines of output:\n{tail}";
    }
}
