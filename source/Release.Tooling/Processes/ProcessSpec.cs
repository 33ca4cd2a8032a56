namespace Release.Tooling.Processes;

/// <summary>
/// Describes one external process to run: what to start, with which arguments, where, and how to treat its output.
/// Arguments are passed as a list (never through a shell), so no quoting is needed or applied.
/// </summary>
/// <param name="FileName">The executable: a name looked up on PATH, or a path containing a '/'.</param>
/// <param name="Arguments">The arguments, one element per argument.</param>
public sealed record ProcessSpec(string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>The working directory; <c>null</c> means the current directory of this process.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Environment changes for the child: a value sets a variable, a <c>null</c> value removes it.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>The longest time the process may run; when exceeded its whole process tree is killed.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Values replaced by <c>***</c> in output lines, logs, results and exception messages.</summary>
    public IReadOnlyCollection<string> Secrets { get; init; } = Array.Empty<string>();

    /// <summary>
    /// Receives each line of standard output and standard error as it arrives, already masked.
    /// Calls are serialised, so the callback need not be thread-safe.
    /// </summary>
    public Action<string>? OnOutput { get; init; }

    /// <summary>When <c>false</c> (the default) a non-zero exit code throws <see cref="ProcessFailedException"/>.</summary>
    public bool AllowNonZeroExit { get; init; }

    /// <summary>Text written to the child's standard input, which is then closed. When <c>null</c> the input is closed at once.</summary>
    public string? StandardInput { get; init; }
}
