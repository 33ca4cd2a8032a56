using Release.Tooling.Processes;

namespace Release.Distribution.Tests.Support;

/// <summary>Runs a command for a test and fails it with the command's whole output when it exits otherwise than expected.</summary>
internal static class Shell
{
    /// <summary>Runs <paramref name="fileName"/>; the result is returned whatever the exit code.</summary>
    public static Task<ProcessResult> RunAsync(string fileName, IReadOnlyList<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string?>? environment = null, CancellationToken ct = default) =>
        new ProcessRunner().RunAsync(new ProcessSpec(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            Environment = environment ?? new Dictionary<string, string?>(),
            AllowNonZeroExit = true,
        }, ct);

    /// <summary>Runs <paramref name="fileName"/> and asserts exit code 0, showing its output otherwise.</summary>
    public static async Task<ProcessResult> SucceedAsync(string fileName, IReadOnlyList<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string?>? environment = null, CancellationToken ct = default)
    {
        var result = await RunAsync(fileName, arguments, workingDirectory, environment, ct);
        Assert.That(result.ExitCode, Is.Zero, () => Describe(fileName, arguments, result));
        return result;
    }

    /// <summary>The command and everything it wrote, for a failure message.</summary>
    public static string Describe(string fileName, IReadOnlyList<string> arguments, ProcessResult result) =>
        $"{fileName} {string.Join(' ', arguments)} exited {result.ExitCode}:\n{result.OutputText}\n{result.ErrorText}";
}
