namespace Release.Tooling.Processes;

/// <summary>The outcome of a finished process. All lines are already masked.</summary>
/// <param name="ExitCode">The exit code of the process.</param>
/// <param name="Output">The lines written to standard output.</param>
/// <param name="Error">The lines written to standard error.</param>
/// <param name="Duration">The time from start to exit.</param>
public sealed record ProcessResult(int ExitCode, IReadOnlyList<string> Output, IReadOnlyList<string> Error, TimeSpan Duration)
{
    /// <summary>Standard output joined with '\n' (no trailing newline).</summary>
    public string OutputText => string.Join('\n', Output);

    /// <summary>Standard error joined with '\n' (no trailing newline).</summary>
    public string ErrorText => string.Join('\n', Error);
}
