namespace Release.Containers.Builders;

/// <summary>An image build or push failed for a reason other than an unavailable base image.</summary>
public sealed class ContainerBuildException : Exception
{
    /// <summary>Creates the error; <paramref name="errorLines"/> are the tool's own error lines.</summary>
    public ContainerBuildException(string what, string commandLine, IReadOnlyList<string> errorLines)
        : base($"{what} failed. Command: {commandLine}{Environment.NewLine}{string.Join(Environment.NewLine, errorLines)}")
    {
        CommandLine = commandLine;
        ErrorLines = errorLines;
    }

    /// <summary>The command that failed (secrets masked).</summary>
    public string CommandLine { get; }

    /// <summary>The error lines the tool printed (at most a few dozen).</summary>
    public IReadOnlyList<string> ErrorLines { get; }
}
